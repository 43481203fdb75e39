using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Domain.Quota;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Summaries;

/// <summary>
/// The unit summary (<c>cards/summary-unit.json</c>) for a unit and everything below it: report rate and completion for
/// the newest opened period, levels per group against the HTXS quota headroom (each person's decided level once their year
/// is decided, else the provisional one, and the heading says which), people at risk of KHT among the undecided, and who
/// has not reported.
/// </summary>
public sealed class UnitSummaryCard(
    EvalBotDbContext db, CardTemplates templates, Provisional provisional, IOptions<CardsOptions> cards, OrganisationClock clock, ClassificationStore store,
    IEnumerable<IPartyStandings> party)
{
    public async Task<JsonObject> RenderAsync(Unit unit, Person viewer, string language, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(viewer);
        var text = new TextTable(templates, language);
        var today = clock.Today(now);
        // Only the people the card is about are read: the unit's, and those of units its leaders head (their unit results).
        var tree = new OrgTree(await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct));
        var scope = tree.Subtree(unit.Id);
        var scopeIds = scope.ToList();
        var leaders = await db.People.AsNoTracking().Where(p => p.IsActive && p.IsLeader && scopeIds.Contains(p.UnitId)).Select(p => new { p.Id, p.UnitId }).ToListAsync(ct);
        var needed = scope.ToHashSet();
        foreach (var leader in leaders)
        {
            needed.UnionWith(tree.Subtree(tree.Headed(leader.Id)?.Id ?? leader.UnitId));
        }

        var data = await YearData.LoadAsync(db, today.Year, needed, ct);
        var members = data.People.Where(p => scope.Contains(p.UnitId)).OrderBy(p => p.FullName, StringComparer.Ordinal).ToList();
        var reporting = await UnitReporting.LatestAsync(db, [.. members.Select(m => m.Id)], now, ct);
        var (period, reported, confirmed) = (reporting.Campaign?.Period, reporting.Reported, reporting.Confirmed);
        var results = provisional.For(members, data, today);
        var (decided, levels) = await LevelsAsync(results, today.Year, ct);
        var groups = await db.TaskGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        string GroupOf(Person p) => p.TaskGroupId is { } g && groups.TryGetValue(g, out var n) ? n : text["sumNoGroup"];
        // The lists of people stop at a page (a card over ~100 KB is refused by Teams); the rest are counted.
        var size = cards.Value.PageSize;
        var atRisk = results.Where(r => r.AtRisk && !decided.ContainsKey(r.Person.Id)).ToList();
        var missing = reporting.Missing(members, m => m.Id);
        string Percent(int part) => members.Count == 0 ? "—" : text.Number(Math.Round(100m * part / members.Count, 1)) + "%";
        var card = new JsonObject
        {
            ["unit"] = CardText.Plain(unit.Name),
            ["people"] = members.Count.ToString(CultureInfo.InvariantCulture),
            ["period"] = period is null ? "—" : text.PeriodLabel(period),
            ["reportRate"] = $"{reported.Count}/{members.Count} ({Percent(reported.Count)})",
            ["completion"] = $"{confirmed}/{members.Count} ({Percent(confirmed)})",
            ["groupsTitle"] = decided.Count == 0 ? text["sumGroupsTitle"]
                : decided.Count >= members.Count ? text["sumGroupsTitleDecided"] : text.Format("sumGroupsTitlePartly", decided.Count, members.Count),
            ["levelNote"] = members.Count > 0 && decided.Count >= members.Count ? text.Format("sumUnitDecidedNote", today.Year) : text["sumProvisionalNote"],
            ["groups"] = new JsonArray([.. levels.GroupBy(r => GroupOf(r.Result.Person)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (JsonNode)GroupRow(g.Key, [.. g], text))]),
            ["hasRisk"] = atRisk.Count > 0,
            ["riskMore"] = text.More(atRisk.Count - size),
            ["risk"] = RiskRows(atRisk.Take(size), language),
            ["hasMissing"] = missing.Count > 0,
            ["missingMore"] = text.More(missing.Count - size),
            ["missing"] = MissingRows(missing.Take(size), reporting.Started, text),
        };
        AddRemind(card, unit, viewer, tree, reporting, missing.Count, now, text);
        card["partyProgress"] = await PartyProgressAsync(members, today.Year, text, ct);
        return templates.Render("summary-unit", card, language);
    }

    /// <summary>
    /// The remind button: only for a leader of the unit, while the period is open and someone has not reported. The card
    /// data names the unit and the period; the action finds the people again and checks the sender again.
    /// </summary>
    private static void AddRemind(JsonObject card, Unit unit, Person viewer, OrgTree tree, UnitReporting reporting, int missing, DateTimeOffset now, TextTable text)
    {
        card["unitId"] = unit.Id.ToString(CultureInfo.InvariantCulture);
        card["periodKey"] = reporting.Campaign?.Period ?? "";
        card["canRemind"] = missing > 0 && reporting.Campaign is { } c && c.IsOpenAt(now) && UnitReporting.Leads(tree, unit.Id, viewer);
        card["remindTitle"] = text.Format("sumRemindButton", missing);
    }

    /// <summary>The year's Party round among the unit's Party members (when the Party track is there and the round is open): how far it is.</summary>
    private async Task<string> PartyProgressAsync(List<Person> members, int year, TextTable text, CancellationToken ct)
    {
        if (party.FirstOrDefault() is not { } track) return "";
        var standings = await track.ForPeopleAsync([.. members.Where(m => m.IsPartyMember).Select(m => m.Id)], year, ct);
        if (standings.Count == 0) return "";
        int decided = standings.Count(s => s.Decided), started = standings.Count(s => s.Started && !s.Decided);
        return text.Format("sumPartyProgress", decided, standings.Count, started, standings.Count - decided - started);
    }

    /// <summary>The decided rows of the members' year, and each member's level: the decided one, else the provisional one.</summary>
    private async Task<(Dictionary<long, ClassificationRecord> Decided, List<PersonLevel> Levels)> LevelsAsync(IReadOnlyList<ProvisionalResult> results, int year, CancellationToken ct)
    {
        var decided = (await store.CurrentOfAsync(year, [.. results.Select(r => r.Person.Id)], ct))
            .Where(r => r.State == ClassificationState.Decided).ToDictionary(r => r.PersonId);
        var levels = results.Where(r => r.RuleSet is not null && (r.Result is not null || decided.ContainsKey(r.Person.Id)))
            .Select(r => decided.TryGetValue(r.Person.Id, out var row)
                ? new PersonLevel(r, row.Level is { } l ? (Level)l : null, row.Score)
                : new PersonLevel(r, r.Level, r.Result!.Score))
            .ToList();
        return (decided, levels);
    }

    /// <summary>People at risk of "not completed", each with the rule that puts them there.</summary>
    private static JsonArray RiskRows(IEnumerable<ProvisionalResult> atRisk, string language) =>
        new([.. atRisk.Select(r => (JsonNode)new JsonObject
        {
            ["personId"] = r.Person.Id.ToString(CultureInfo.InvariantCulture),
            ["name"] = CardText.Plain(r.Person.FullName),
            ["why"] = CardText.Plain(Explanations.Why(r.Result!.Applications, language)),
        })]);

    /// <summary>People who have not reported for the period: a draft started, or nothing yet.</summary>
    private static JsonArray MissingRows(IEnumerable<Person> missing, HashSet<long> started, TextTable text) =>
        new([.. missing.Select(m => (JsonNode)new JsonObject
        {
            ["personId"] = m.Id.ToString(CultureInfo.InvariantCulture),
            ["name"] = CardText.Plain(m.FullName),
            ["status"] = started.Contains(m.Id) ? text["campaignStatusDraft"] : text["campaignStatusNotStarted"],
        })]);

    /// <summary>Counts per level (decided or provisional), and the HTXS places left under the group's quota (negative = over).</summary>
    private static JsonObject GroupRow(string name, List<PersonLevel> results, TextTable text)
    {
        var candidates = results.Where(r => r.Level is not null)
            .Select(r => new QuotaCandidate(r.Result.Person.Id.ToString(CultureInfo.InvariantCulture), "unit", name, r.Level!.Value, r.Score)).ToList();
        var ruleSet = results.First().Result.RuleSet!;
        var cap = ruleSet.Quota.Mode == Domain.RuleSets.QuotaMode.None ? (int?)null
            : QuotaCheck.Check(candidates, ruleSet, null, 0m).Scopes.Where(s => s.Scope == QuotaScope.Group).Select(s => (int?)s.Cap).FirstOrDefault();
        int Count(Level l) => candidates.Count(c => c.Level == l);
        var headroom = cap is { } c ? c - Count(Level.Excellent) : (int?)null;
        var scores = results.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
        return new JsonObject
        {
            ["name"] = CardText.Plain(name),
            ["count"] = results.Count.ToString(CultureInfo.InvariantCulture),
            ["average"] = scores.Count == 0 ? "—" : text.Number(Math.Round(scores.Average(), 2)),
            ["levels"] = text.Format("sumLevelCounts", Count(Level.Excellent), Count(Level.Good), Count(Level.Complete), Count(Level.NotComplete)),
            ["quota"] = headroom switch
            {
                null => text["sumQuotaNone"],
                >= 0 => text.Format("sumQuotaHeadroom", headroom, cap!),
                _ => text.Format("sumQuotaOver", -headroom.Value, cap!),
            },
        };
    }
}

/// <summary>A person's level on the unit card: the decided one when their year is decided, else the provisional one.</summary>
internal sealed record PersonLevel(ProvisionalResult Result, Level? Level, decimal? Score);
