using EvalBot.Domain;
using EvalBot.Domain.Quota;
using EvalBot.Domain.RuleSets;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>The quota of one agency and year: every scope checked, and who exceeds, ranked by score.</summary>
/// <param name="AgencyId">The agency unit.</param>
/// <param name="AgencyName">Its name.</param>
/// <param name="CanFinalise">False when any scope is over its cap.</param>
/// <param name="Scopes">Agency and groups, with counts and caps.</param>
/// <param name="Excess">Candidates over a cap (person ids), highest score first.</param>
/// <param name="Exception">The recorded exception decision, if any.</param>
public sealed record AgencyQuota(long AgencyId, string AgencyName, bool CanFinalise, IReadOnlyList<QuotaScopeResult> Scopes, IReadOnlyList<QuotaCandidate> Excess, QuotaExceptionRecord? Exception)
{
    public bool IsOver(long personId) => Excess.Any(c => c.PersonId == Key(personId));

    public static string Key(long personId) => personId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Rules 21–22 at compile and decision time: the current levels of an agency (drafts and decided alike) are checked per
/// agency and per group of similar tasks under each rule-set in use, with the recorded exception decision if any.
/// </summary>
public sealed class QuotaReview(EvalBotDbContext db, RuleSetCatalog catalog)
{
    /// <summary>
    /// The quota of each agency from the year's current rows already loaded (<see cref="ClassificationStore.CurrentAsync"/>):
    /// the compile and the decision cards check every agency at once without reading the year again per agency.
    /// </summary>
    public async Task<Dictionary<long, AgencyQuota>> ForAgenciesAsync(IReadOnlyCollection<long> agencyIds, IReadOnlyList<ClassificationRecord> current, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        ArgumentNullException.ThrowIfNull(current);
        var result = new Dictionary<long, AgencyQuota>();
        if (agencyIds.Count == 0) return result;
        var ids = agencyIds.ToList();
        var agencies = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var party = (await db.People.AsNoTracking().Where(p => p.IsPartyMember).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var exceptions = await db.Set<QuotaExceptionRecord>().Where(e => e.Year == year && ids.Contains(e.AgencyUnitId)).ToListAsync(ct);
        var rowsByAgency = current.Where(r => r.Level is not null).ToLookup(r => r.AgencyUnitId);
        foreach (var agencyId in ids)
        {
            var agency = agencies.TryGetValue(agencyId, out var found) ? found : throw new InvalidOperationException($"Unit {agencyId} does not exist.");
            var exception = exceptions.SingleOrDefault(e => e.AgencyUnitId == agencyId);
            result[agencyId] = Check(agency, [.. rowsByAgency[agencyId]], party, exception);
        }

        return result;
    }

    private AgencyQuota Check(Unit agency, List<ClassificationRecord> rows, HashSet<long> party, QuotaExceptionRecord? exception)
    {
        var agencyId = agency.Id;
        var decision = exception is null ? null : new QuotaExceptionDecision(exception.DecisionNumber, exception.ApprovedBy, exception.DecidedOn);
        var scopes = new List<QuotaScopeResult>();
        var excess = new List<QuotaCandidate>();
        foreach (var byRuleSet in rows.GroupBy(r => r.RuleSetId, StringComparer.Ordinal))
        {
            if (catalog.Find(byRuleSet.Key) is not { } ruleSet) continue;
            var candidates = byRuleSet.Select(r => new QuotaCandidate(AgencyQuota.Key(r.PersonId), agency.Name, r.GroupKey, (Level)r.Level!.Value, r.Score)).ToList();
            var partyRows = byRuleSet.Where(r => party.Contains(r.PersonId)).ToList();
            // ND90_48 compares with the Party members' HTXS share; until the Party track is compiled it is read from their state levels.
            decimal? partyShare = ruleSet.Quota.Mode == QuotaMode.PartyShare
                ? partyRows.Count == 0 ? 0m : 100m * partyRows.Count(r => r.Level == (int)Level.Excellent) / partyRows.Count
                : null;
            var outcome = QuotaCheck.Check(candidates, ruleSet, decision, partyShare);
            scopes.AddRange(outcome.Scopes);
            excess.AddRange(outcome.Excess);
        }

        var ranked = excess.DistinctBy(c => c.PersonId).OrderByDescending(c => c.Score ?? decimal.MinValue).ThenBy(c => c.PersonId, StringComparer.Ordinal).ToList();
        return new AgencyQuota(agencyId, agency.Name, scopes.All(s => s.Excellent <= s.Cap), scopes, ranked, exception);
    }
}
