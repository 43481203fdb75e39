using EvalBot.Auditing;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Imports an organisation file, all or nothing: every row is parsed and every reference checked before anything
/// is written; then the whole file is applied in one transaction with its audit entry. Rows are matched by
/// external id, so importing the same file twice changes nothing the second time.
/// </summary>
public sealed class OrganisationImporter(EvalBotDbContext db, AuditLog audit, ILogger<OrganisationImporter> logger)
{
    /// <summary>The audit actor of the command line.</summary>
    public const string CliActor = "cli";

    /// <summary>Reads <paramref name="bytes"/> as XLSX when it has the zip signature, otherwise as a CSV file of <paramref name="kind"/>.</summary>
    public Task<ImportResult> ImportAsync(byte[] bytes, ImportKind? kind, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (ImportFormat.IsXlsx(bytes))
        {
            var (tables, errors) = XlsxTableReader.Read(bytes);
            return errors.Count > 0 ? Refuse(actor, "xlsx", errors) : ImportAsync(tables, "xlsx", actor, ct);
        }

        if (kind is not { } csvKind)
        {
            return Refuse(actor, "csv", [ImportError.File("csv", "Tệp CSV cần chỉ rõ loại dữ liệu (kind), ví dụ people.", "A CSV file needs its kind, e.g. people.")]);
        }

        var (table, csvErrors) = CsvTableReader.Read(bytes, csvKind);
        return table is null ? Refuse(actor, "csv", csvErrors) : ImportAsync([table], "csv", actor, ct);
    }

    /// <summary>Imports tables already read (the demo seed hands over its expanded CSV tables here).</summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<ImportTable> tables, string format, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Sum(t => t.Rows.Count) > ImportLimits.MaxRows)
        {
            return await Refuse(actor, format, [ImportError.File(format, $"Tệp có quá {ImportLimits.MaxRows} dòng.", $"The file has more than {ImportLimits.MaxRows} rows.")]);
        }

        var (file, errors) = ParsedFile.Parse(tables);
        var index = await OrganisationIndex.LoadAsync(db, ct);
        if (errors.Count == 0) ReferenceCheck.Run(file, index, errors);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return await Refuse(actor, format, errors);
        }

        var counts = new ImportCounts();
        var deferred = new List<Action>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            new OrganisationWriter(db, index, counts, deferred).Write(file);
            await db.SaveChangesAsync(ct);
            deferred.ForEach(assign => assign());
            await new RecordWriter(db, index, counts).WriteAsync(file, ct);
            var report = counts.Report(format, file.Kinds);
            audit.Record(actor, "organisation.import", "organisation", $"{format}:{string.Join(',', report.Kinds.Select(k => k.Kind))}", report);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var summary = Summary(report);
            OrganisationLog.ImportApplied(logger, actor, format, summary);
            return new ImportResult(report, []);
        }
        catch (DbUpdateException e)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            OrganisationLog.ImportFailed(logger, actor, format, e);
            return ImportResult.Failed([ImportError.File(format, "Không ghi được dữ liệu (có thể do một thay đổi đồng thời); hãy thử lại.", "The data could not be written (perhaps a concurrent change); try again.")]);
        }
    }

    private Task<ImportResult> Refuse(string actor, string format, IReadOnlyList<ImportError> errors)
    {
        OrganisationLog.ImportRefused(logger, actor, format, errors.Count);
        return Task.FromResult(ImportResult.Failed(errors));
    }

    private static string Summary(ImportReport report) =>
        string.Join("; ", report.Kinds.Select(k => $"{k.Kind} +{k.Created} ~{k.Updated} ={k.Unchanged}"));
}
