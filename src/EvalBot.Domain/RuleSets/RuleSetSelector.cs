using EvalBot.Domain.Records;

namespace EvalBot.Domain.RuleSets;

/// <summary>
/// Picks the rule-set by population and year (rule 1). A local overlay for the person's jurisdiction wins over
/// the national rules; among equals the newest start year, then the newest version, wins.
/// </summary>
public static class RuleSetSelector
{
    /// <summary>The state and Party rule-sets for one person-year.</summary>
    public static RuleSetSelection Select(Population population, int year, bool isPartyMember, RuleSetCatalog catalog, string? jurisdiction = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var state = population is Population.Collective or Population.PartyMemberOutsideSystem
            ? null
            : Pick(catalog, Track.State, population, year, jurisdiction);
        var party = isPartyMember || population is Population.Collective or Population.PartyMemberOutsideSystem
            ? Pick(catalog, Track.Party, population, year, jurisdiction)
            : null;
        return new RuleSetSelection(state, party);
    }

    /// <summary>Refuses a record created with a rule-set other than the one the law selects (e.g. ND90_48 for a 2026 civil servant).</summary>
    public static RuleSetCheck Check(Population population, int year, bool isPartyMember, string ruleSetId, RuleSetCatalog catalog, string? jurisdiction = null)
    {
        var selection = Select(population, year, isPartyMember, catalog, jurisdiction);
        var matches = new[] { selection.State, selection.Party }.Any(r => r is not null && string.Equals(r.Id, ruleSetId, StringComparison.Ordinal));
        var expected = string.Join(", ", new[] { selection.State?.Id, selection.Party?.Id }.Where(x => x is not null));
        var yearText = Fmt.Raw(year);
        return matches
            ? new RuleSetCheck(true, $"{ruleSetId} áp dụng cho năm {yearText}.", $"{ruleSetId} applies to {yearText}.")
            : new RuleSetCheck(
                false,
                $"Không dùng được {ruleSetId} cho đối tượng {population} năm {yearText}; bộ quy tắc đúng: {expected}.",
                $"{ruleSetId} cannot be used for {population} in {yearText}; the applicable rule-set is: {expected}.");
    }

    private static RuleSet? Pick(RuleSetCatalog catalog, Track track, Population population, int year, string? jurisdiction) =>
        catalog.RuleSets
            .Where(r => r.Track == track)
            .Where(r => r.Jurisdiction is null || string.Equals(r.Jurisdiction, jurisdiction, StringComparison.OrdinalIgnoreCase))
            .Select(r => (RuleSet: r, Entry: r.AppliesTo.FirstOrDefault(a => a.Covers(population, year))))
            .Where(x => x.Entry is not null)
            .OrderByDescending(x => x.RuleSet.Jurisdiction is not null)
            .ThenByDescending(x => x.Entry!.FromYear)
            .ThenByDescending(x => x.RuleSet.Version, StringComparer.Ordinal)
            .ThenBy(x => x.RuleSet.Id, StringComparer.Ordinal)
            .Select(x => x.RuleSet)
            .FirstOrDefault();
}
