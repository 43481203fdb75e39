using System.Globalization;
using EvalBot.Auditing;
using EvalBot.Persistence;

namespace EvalBot.Features.Classification;

/// <summary>
/// <c>year.compile</c> from the board card: the same compile as the year-end job and the admin API (idempotent), its
/// progress reported slice by slice, audited for the board member who asked.
/// </summary>
public sealed class CompileBoardOperation(AnnualCompiler compiler, AuditLog audit, EvalBotDbContext db) : IBoardOperation
{
    public string Kind => "year.compile";

    public bool Accepts(string argument) =>
        int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2099;

    public async Task<BoardOperationResult> RunAsync(BoardOperationRequest request, BoardProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = int.Parse(request.Argument, NumberStyles.None, CultureInfo.InvariantCulture);
        var report = await compiler.CompileAsync(year, request.Actor, progress, cancellationToken);
        var flagged = report.Units.Sum(u => u.Flagged.Count);
        audit.Record(request.Actor, "classification.compile-requested", "classification", year.ToString(CultureInfo.InvariantCulture),
            new { report.Changed, units = report.Units.Count, flagged, via = "board" });
        await db.SaveChangesAsync(cancellationToken);
        return BoardOperationResult.Done("boardResultCompiled", year, report.Units.Count, report.Changed, flagged);
    }
}
