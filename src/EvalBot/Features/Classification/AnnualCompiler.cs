using EvalBot.Auditing;
using EvalBot.Domain;
using EvalBot.Domain.Classification;
using EvalBot.Features.CheckIns;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// The year-end compile: each active person's stored records become a <c>PersonYear</c>, classified under the person's
/// rule-set, units deepest first and, within a unit, members before its head, so a leader's unit result can read the
/// levels below. Results are stored as drafts (decided rows are never touched), the quota is checked per agency and
/// group, and each head is sent the decision card. Running it again changes nothing that did not change.
/// </summary>
public sealed class AnnualCompiler(
    EvalBotDbContext db, CheckInScoring scoring, PersonYearBuilder builder, ClassificationStore store, QuotaReview quota,
    DecisionNotices notices, AuditLog audit, TimeProvider time, Delivery.OutboxSignal signal)
{
    public async Task<CompileReport> CompileAsync(int year, string actor, CancellationToken ct)
    {
        var data = await YearData.LoadAsync(db, year, ct);
        var tree = new OrgTree(data.Units);
        var groups = await db.TaskGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var now = time.GetUtcNow();
        var reviewDate = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var existing = (await db.Set<ClassificationRecord>().Where(r => r.Year == year).ToListAsync(ct))
            .GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!);
        var levels = new Dictionary<long, Level?>();
        var changed = 0;
        foreach (var person in CompileOrder(data, tree))
        {
            if (scoring.RuleSetFor(person, year) is not { } ruleSet) continue;
            existing.TryGetValue(person.Id, out var row);
            if (row is { State: ClassificationState.Decided })
            {
                levels[person.Id] = row.Level is { } decided ? (Level)decided : null;
                continue;
            }

            var unitResult = person.IsLeader ? LeaderUnitResults.For(person, data, tree, levels) : null;
            var result = AnnualClassifier.Classify(builder.Build(person, data, tree, ruleSet, reviewDate, unitResult), ruleSet);
            levels[person.Id] = result.Level;
            var group = person.TaskGroupId is { } g && groups.TryGetValue(g, out var name) ? name : "—";
            row ??= new ClassificationRecord { PersonId = person.Id, Year = year, RuleSetId = result.RuleSetId, RuleSetVersion = result.RuleSetVersion };
            if (Apply(row, person, result, tree, group, now))
            {
                changed++;
                if (row.Id == 0) db.Add(row);
                audit.Record(actor, "classification.compile", "classification", $"{person.ExternalId}/{year}",
                    new { level = row.Level, score = row.Score, outcome = row.Outcome, ruleSet = $"{row.RuleSetId} v{row.RuleSetVersion}" });
            }
        }

        await db.SaveChangesAsync(ct);
        var (report, current) = await ReportAsync(year, data, tree, changed, ct);
        // Everything is written; what follows only reads and queues cards. A province's 100,000 drafts and audit entries
        // left in the change tracker would make every later change detection (each queued card) walk them all.
        db.ChangeTracker.Clear();
        await notices.SendDecisionCardsAsync(year, null, current, ct);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return report;
    }

    /// <summary>Units deepest first; in a unit, its members before its head.</summary>
    private static IEnumerable<Persistence.Entities.Person> CompileOrder(YearData data, OrgTree tree) =>
        data.People
            .OrderByDescending(p => tree.Depth(p.UnitId))
            .ThenBy(p => p.UnitId)
            .ThenBy(p => data.Units[p.UnitId].HeadPersonId == p.Id ? 1 : 0)
            .ThenBy(p => p.Id);

    /// <summary>Writes the result into the draft; returns false when nothing changed (idempotent re-runs).</summary>
    private static bool Apply(ClassificationRecord row, Persistence.Entities.Person person, ClassificationResult result, OrgTree tree, string group, DateTimeOffset now)
    {
        var compiled = result.Level is { } l ? (int)l : (int?)null;
        var explanation = Explanations.Serialize(result.Applications.Concat(result.MissingPrerequisites));
        var outcome = result.Status == ClassificationStatus.Rated && !result.CanFinalise ? nameof(ClassificationStatus.NeedsAuthorityDecision) : result.Status.ToString();
        // A head's demotion or an authority's decision on the same compiled result is kept; a changed result resets it.
        var keepDecision = row.Id != 0 && row.Reason is not null && row.CompiledLevel == compiled && row.ExplanationJson == explanation;
        var level = keepDecision ? row.Level : compiled;
        var unchanged = row.Id != 0 && row.CompiledLevel == compiled && row.Level == level && row.Score == result.Score && row.ExplanationJson == explanation
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

    private async Task<(CompileReport Report, List<ClassificationRecord> Current)> ReportAsync(int year, YearData data, OrgTree tree, int changed, CancellationToken ct)
    {
        var rows = await store.CurrentAsync(year, ct);
        var quotas = await quota.ForAgenciesAsync([.. rows.Select(r => r.AgencyUnitId).Distinct()], rows, year, ct);
        var externalIds = data.People.ToDictionary(p => p.Id, p => p.ExternalId);
        var byKey = data.People.ToDictionary(p => AgencyQuota.Key(p.Id), p => p.ExternalId, StringComparer.Ordinal);
        var units = rows.GroupBy(r => r.UnitId).OrderBy(g => tree.Depth(g.Key)).ThenBy(g => g.Key).Select(g =>
        {
            var unit = data.Units[g.Key];
            var q = quotas[tree.AgencyOf(unit.Id).Id];
            return new UnitCompileResult(unit.ExternalId, unit.Name, g.Count(),
                Enum.GetValues<Level>().ToDictionary(l => l.ToString(), l => g.Count(r => r.Level == (int)l)),
                g.Count(r => r.Outcome == nameof(ClassificationStatus.NotRated)),
                [.. g.Where(r => r.Outcome is nameof(ClassificationStatus.NeedsAuthorityDecision) or nameof(ClassificationStatus.Rejected))
                    .Select(r => new FlaggedCase(externalIds[r.PersonId], r.Outcome, Explanations.Why(r.ExplanationJson, "en")))],
                new QuotaSummary(q.AgencyName, q.CanFinalise, [.. q.Scopes.Select(s => new QuotaScopeSummary(s.ScopeId, s.Good, s.Excellent, s.Cap))],
                    [.. q.Excess.Select(c => byKey[c.PersonId])], q.Exception?.DecisionNumber),
                g.Count(r => r.State == ClassificationState.Decided));
        }).ToList();
        return (new CompileReport(year, changed, units), rows);
    }
}
