using EvalBot.Core;
using EvalBot.Domain.Classification;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// What one compiled slice writes when its drafts and audit entries go through the prepared inserts: its new drafts, the
/// drafts it changed (read untracked), their audit entries, and each compiled row's short "why". The write runs on the
/// compile's own context and transaction, in a pipeline while the next slice compiles; writes run one after another,
/// and nothing else uses that context meanwhile.
/// </summary>
internal sealed class CompileSliceWrites
{
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

    /// <summary>Writes the result into the draft; returns false when nothing changed (idempotent re-runs).</summary>
    public static bool Apply(ClassificationRecord row, Persistence.Entities.Person person, ClassificationResult result, OrgTree tree, string group, DateTimeOffset now)
    {
        var compiled = result.Level is { } l ? (int)l : (int?)null;
        var explanation = Explanations.Serialize(result.Applications.Concat(result.MissingPrerequisites));
        var outcome = ClassificationOutcomes.Of(result);
        // A head's demotion or an authority's decision on the same compiled result is kept; a changed result resets it.
        // Compared by what it says, so an explanation stored by an earlier version in another form still counts as unchanged.
        var sameResult = row.Id != 0 && row.CompiledLevel == compiled && Explanations.Same(row.ExplanationJson, explanation);
        var keepDecision = sameResult && row.Reason is not null;
        var level = keepDecision ? row.Level : compiled;
        var unchanged = sameResult && row.Level == level && row.Score == result.Score
            && row.RuleSetId == result.RuleSetId && row.RuleSetVersion == result.RuleSetVersion && row.UnitId == person.UnitId
            && row.DeciderPersonId == tree.DeciderOf(person) && row.GroupKey == group && (keepDecision || row.Outcome == outcome);
        if (unchanged) return false;
        row.UnitId = person.UnitId;
        row.AgencyUnitId = tree.AgencyOf(person.UnitId).Id;
        row.GroupKey = group;
        row.DeciderPersonId = tree.DeciderOf(person);
        row.Outcome = keepDecision ? row.Outcome : outcome;
        row.CompiledLevel = compiled;
        row.Level = level;
        row.Reason = keepDecision ? row.Reason : null;
        row.Score = result.Score;
        row.RuleSetId = result.RuleSetId;
        row.RuleSetVersion = result.RuleSetVersion;
        row.ExplanationJson = explanation;
        row.CompiledAt = now;
        return true;
    }
}
