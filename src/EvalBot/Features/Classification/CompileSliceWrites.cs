using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// What one compiled slice writes, when the compile runs as a pipeline (SQLite: the drafts and audit entries go through
/// prepared inserts): its new drafts, the drafts it changed (read untracked, on the reader's context), their audit
/// entries, and each compiled row's short "why". The write runs on the compile's own context and transaction while the
/// next slice compiles; writes run one after another, and nothing else uses that context meanwhile.
/// </summary>
internal sealed class CompileSliceWrites(bool untracked)
{
    /// <summary>The slice's existing drafts were read untracked (on the reader's context): changed ones are written as updates.</summary>
    public bool Untracked { get; } = untracked;

    public List<ClassificationRecord> New { get; } = [];

    public List<ClassificationRecord> Updated { get; } = [];

    public List<AuditEntry> Audit { get; } = [];

    public List<(ClassificationRecord Row, string Why)> Compiled { get; } = [];

    /// <summary>The drafts a slice of people already has for the year, the latest version of each, by person.</summary>
    public static async Task<Dictionary<long, ClassificationRecord>> ExistingAsync(
        EvalBotDbContext context, int year, IReadOnlyCollection<long> ids, bool tracked, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Set<ClassificationRecord>().Where(r => r.Year == year && ids.Contains(r.PersonId));
        var rows = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!);
    }

    /// <summary>
    /// Writes the slice on <paramref name="db"/> (inside the compile's transaction): the changed drafts as updates, the new
    /// ones and the audit entries through the prepared inserts; then records each compiled row's "why" by its id.
    /// </summary>
    public async Task WriteAsync(EvalBotDbContext db, RowInserter<ClassificationRecord> drafts, RowInserter<AuditEntry> audit,
        Dictionary<long, (string Why, decimal? Score)> compiledById, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(compiledById);
        if (Updated.Count > 0)
        {
            db.UpdateRange(Updated);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await drafts.InsertAsync(New, ct);
        await audit.InsertAsync(Audit, ct);
        foreach (var (row, why) in Compiled)
        {
            compiledById[row.Id] = (why, row.Score);
        }
    }
}
