using EvalBot.Domain;
using EvalBot.Domain.Classification;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// The compile's report: per unit, the levels, the flagged cases and the agency's quota, read from the year's current
/// rows with only their "why" (the full explanations stay in the database).
/// </summary>
public sealed class CompileReports(EvalBotDbContext db, QuotaReview quota)
{
    internal async Task<(CompileReport Report, List<ClassificationRecord> Current)> ReportAsync(int year, CompileChunks data, OrgTree tree, int changed,
        Dictionary<long, (string Why, decimal? Score)> compiledById, CancellationToken ct)
    {
        var rows = await CurrentWhyOnlyAsync(year, compiledById, ct);
        var quotas = await quota.ForAgenciesAsync([.. rows.Select(r => r.AgencyUnitId).Distinct()], rows, year, ct);
        var externalIds = data.People.ToDictionary(p => p.Id, p => p.ExternalId);
        var byKey = data.People.ToDictionary(p => AgencyQuota.Key(p.Id), p => p.ExternalId, StringComparer.Ordinal);
        var units = rows.GroupBy(r => r.UnitId).OrderBy(g => tree.Depth(g.Key)).ThenBy(g => g.Key).Select(g =>
        {
            var unit = data.Units[g.Key];
            var q = quotas[tree.AgencyOf(unit.Id).Id];
            return new UnitCompileResult(unit.ExternalId, unit.Name, g.Count(),
                Enum.GetValues<Level>().ToDictionary(l => l.ToString(), l => g.Count(r => r.Level == (int)l)),
                g.Count(r => r.Outcome == ClassificationOutcome.NotRated),
                [.. g.Where(r => r.Outcome.NeedsDecision())
                    .Select(r => new FlaggedCase(externalIds[r.PersonId], r.Outcome.ToString(), Explanations.Why(r.ExplanationJson, "en")))],
                new QuotaSummary(q.AgencyName, q.CanFinalise, [.. q.Scopes.Select(s => new QuotaScopeSummary(s.ScopeId, s.Good, s.Excellent, s.Cap))],
                    [.. q.Excess.Select(c => byKey[c.PersonId])], q.Exception?.DecisionNumber),
                g.Count(r => r.State == ClassificationState.Decided));
        }).ToList();
        return (new CompileReport(year, changed, units), rows);
    }

    /// <summary>
    /// The year's current rows (as <see cref="ClassificationStore.CurrentAsync(int, bool, CancellationToken)"/>, untracked)
    /// with each explanation reduced to its "why" (<see cref="Explanations.WhyOnly(string)"/>), all that the report and
    /// the decision cards read: the full explanations of a province are hundreds of megabytes. The rows just compiled
    /// take it, and their score as compiled, from <paramref name="compiledById"/> (the rows as the compile left them in
    /// memory); the others (decided rows) are read in slices.
    /// </summary>
    private async Task<List<ClassificationRecord>> CurrentWhyOnlyAsync(int year, Dictionary<long, (string Why, decimal? Score)> compiledById, CancellationToken ct)
    {
        var all = await db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.Year == year).Select(r => new ClassificationRecord
        {
            Id = r.Id,
            PersonId = r.PersonId,
            Year = r.Year,
            Version = r.Version,
            SupersedesId = r.SupersedesId,
            State = r.State,
            UnitId = r.UnitId,
            AgencyUnitId = r.AgencyUnitId,
            GroupKey = r.GroupKey,
            DeciderPersonId = r.DeciderPersonId,
            Outcome = r.Outcome,
            Level = r.Level,
            CompiledLevel = r.CompiledLevel,
            Score = r.Score,
            RuleSetId = r.RuleSetId,
            RuleSetVersion = r.RuleSetVersion,
            ExplanationJson = "",
            Reason = r.Reason,
            CompiledAt = r.CompiledAt,
            DecidedAt = r.DecidedAt,
            DecidedBy = r.DecidedBy,
            ChainSeq = r.ChainSeq,
            PreviousHash = r.PreviousHash,
            Hash = r.Hash,
        }).ToListAsync(ct);
        List<ClassificationRecord> rows = [.. all.GroupBy(r => r.PersonId).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Id)];
        var missing = new List<ClassificationRecord>();
        foreach (var row in rows)
        {
            if (compiledById.TryGetValue(row.Id, out var compiled))
            {
                row.ExplanationJson = compiled.Why;
                row.Score = compiled.Score;
            }
            else
            {
                missing.Add(row);
            }
        }

        for (var start = 0; start < missing.Count; start += AnnualCompiler.SliceSize)
        {
            var slice = missing.GetRange(start, Math.Min(AnnualCompiler.SliceSize, missing.Count - start));
            var ids = slice.Select(r => r.Id).ToList();
            var stored = await db.Set<ClassificationRecord>().AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.ExplanationJson }).ToDictionaryAsync(r => r.Id, r => r.ExplanationJson, ct);
            foreach (var row in slice)
            {
                row.ExplanationJson = Explanations.WhyOnly(stored[row.Id]);
            }
        }

        return rows;
    }
}
