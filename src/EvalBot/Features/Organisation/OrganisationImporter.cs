using EvalBot.Auditing;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Imports an organisation file, all or nothing: every row is parsed and every reference checked before anything
/// is written; then the whole file is applied in one transaction with its audit entry. Rows are matched by
/// external id, so importing the same file twice changes nothing the second time.
/// </summary>
public sealed class OrganisationImporter(
    EvalBotDbContext db, AuditLog audit, FollowUpLedger followUps, CheckInScoring scoring, OrganisationClock clock, TimeProvider time, ILogger<OrganisationImporter> logger)
{
    /// <summary>The audit actor of the command line.</summary>
    public const string CliActor = "cli";

    /// <summary>Reads <paramref name="bytes"/> as XLSX when it has the zip signature, otherwise as a CSV file of <paramref name="kind"/>.</summary>
    public Task<ImportResult> ImportAsync(byte[] bytes, ImportKind? kind, string actor, CancellationToken ct)
    {
        var (tables, format, errors) = Read(bytes, kind);
        return errors.Count > 0 ? Refuse(actor, format, errors) : ImportAsync(tables, format, actor, ct);
    }

    /// <summary>Imports tables already read (the demo seed hands over its expanded CSV tables here).</summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<ImportTable> tables, string format, string actor, CancellationToken ct)
    {
        var (file, index, errors) = await CheckAsync(tables, format, ct);
        if (file is null || index is null)
        {
            db.ChangeTracker.Clear();
            return await Refuse(actor, format, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var report = await WriteAsync(file, index, format, actor, at: null, ct);
            await transaction.CommitAsync(ct);
            return Applied(actor, report);
        }
        catch (DbUpdateException e)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            OrganisationLog.ImportFailed(logger, actor, format, e);
            return ImportResult.Failed([ImportError.File(format, "Không ghi được dữ liệu (có thể do một thay đổi đồng thời); hãy thử lại.", "The data could not be written (perhaps a concurrent change); try again.")]);
        }
    }

    /// <summary>
    /// Imports a file inside the caller's unit of work (a turn): its open transaction, its moment <paramref name="at"/>
    /// for the audit entry, its commit. A refused file leaves the caller's other changes alone (nothing of the file is
    /// tracked); a write conflict is not caught here, so the caller's conflict retry runs the whole turn again.
    /// </summary>
    public async Task<ImportResult> ImportInUnitOfWorkAsync(byte[] bytes, ImportKind? kind, string actor, DateTimeOffset at, CancellationToken ct)
    {
        var (tables, format, errors) = Read(bytes, kind);
        if (errors.Count > 0) return await Refuse(actor, format, errors);
        var (file, index, checkErrors) = await CheckAsync(tables, format, ct);
        if (file is null || index is null) return await Refuse(actor, format, checkErrors);
        return Applied(actor, await WriteAsync(file, index, format, actor, at, ct));
    }

    private static (IReadOnlyList<ImportTable> Tables, string Format, IReadOnlyList<ImportError> Errors) Read(byte[] bytes, ImportKind? kind)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (ImportFormat.IsXlsx(bytes))
        {
            var (tables, errors) = XlsxTableReader.Read(bytes);
            return (tables, "xlsx", errors);
        }

        if (kind is not { } csvKind)
        {
            return ([], "csv", [ImportError.File("csv", "Tệp CSV cần chỉ rõ loại dữ liệu (kind), ví dụ people.", "A CSV file needs its kind, e.g. people.")]);
        }

        var (table, csvErrors) = CsvTableReader.Read(bytes, csvKind);
        return table is null ? ([], "csv", csvErrors) : ([table], "csv", []);
    }

    /// <summary>The parsed file and the stored organisation when every row and reference is valid; otherwise the errors.</summary>
    private async Task<(ParsedFile? File, OrganisationIndex? Index, IReadOnlyList<ImportError> Errors)> CheckAsync(IReadOnlyList<ImportTable> tables, string format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Sum(t => t.Rows.Count) > ImportLimits.MaxRows)
        {
            return (null, null, [ImportError.File(format, $"Tệp có quá {ImportLimits.MaxRows} dòng.", $"The file has more than {ImportLimits.MaxRows} rows.")]);
        }

        var (file, errors) = ParsedFile.Parse(tables);
        var index = await OrganisationIndex.LoadAsync(db, ct);
        if (errors.Count == 0) ReferenceCheck.Run(file, index, errors);
        if (errors.Count == 0) ScoreSheetCheck.Run(file, index, scoring, clock.Year(time.GetUtcNow()), errors);
        return errors.Count > 0 ? (null, null, errors) : (file, index, errors);
    }

    /// <summary>Writes the checked file and its audit entry in the current transaction.</summary>
    private async Task<ImportReport> WriteAsync(ParsedFile file, OrganisationIndex index, string format, string actor, DateTimeOffset? at, CancellationToken ct)
    {
        var counts = new ImportCounts();
        var deferred = new List<Action>();
        new OrganisationWriter(db, index, counts, deferred).Write(file);
        await db.SaveChangesAsync(ct);
        deferred.ForEach(assign => assign());
        await new RecordWriter(db, index, counts).WriteAsync(file, ct);
        await new PartyWriter(db, index, counts).WriteAsync(file, ct);
        await new ScoreSheetWriter(db, index, counts).WriteAsync(file, ct);

        // Rule 38: a valid vote with a majority of low confidence opens its follow-ups for the competent level.
        await followUps.OpenForVotesAsync([.. file.Votes.Select(v => new ImportedVote(index.People[v.Person].Id, v.Id,
            new Domain.Records.ConfidenceVote(v.Date, v.High, v.Medium, v.Low, v.Present, v.Convened)))], at ?? time.GetUtcNow(), ct);
        var report = counts.Report(format, file.Kinds);
        audit.Record(actor, "organisation.import", "organisation", $"{format}:{string.Join(',', report.Kinds.Select(k => k.Kind))}", report, at);
        await db.SaveChangesAsync(ct);
        return report;
    }

    private ImportResult Applied(string actor, ImportReport report)
    {
        var summary = Summary(report);
        OrganisationLog.ImportApplied(logger, actor, report.Format, summary);
        return new ImportResult(report, []);
    }

    private Task<ImportResult> Refuse(string actor, string format, IReadOnlyList<ImportError> errors)
    {
        OrganisationLog.ImportRefused(logger, actor, format, errors.Count);
        return Task.FromResult(ImportResult.Failed(errors));
    }

    private static string Summary(ImportReport report) =>
        string.Join("; ", report.Kinds.Select(k => $"{k.Kind} +{k.Created} ~{k.Updated} ={k.Unchanged}"));
}
