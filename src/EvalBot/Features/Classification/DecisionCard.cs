using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Classification;

/// <summary>
/// The head's decision card (<c>cards/classification-decision.json</c>): the draft list with each person's level, score and
/// short why, the quota of the agency, the candidates over it ranked by score, and the approve / demote / exception actions.
/// </summary>
public sealed class DecisionCard(EvalBotDbContext db, CardTemplates templates, ClassificationStore store, QuotaReview quota, IOptions<CardsOptions> cards, OrganisationClock clock)
{
    public const string BoardList = "board";

    /// <summary>The rows of a list and the quota of every agency they belong to.</summary>
    public async Task<(List<ClassificationRecord> Rows, List<AgencyQuota> Quotas)> LoadAsync(long? deciderId, int year, CancellationToken ct)
    {
        // The decider's rows, then every current row of their agencies for the quota: never the whole year.
        var rows = await store.ListOfAsync(deciderId, year, ct);
        var agencies = rows.Select(r => r.AgencyUnitId).Distinct().ToList();
        var current = agencies.Count == 0 ? [] : await store.CurrentWhereAsync(year, r => agencies.Contains(r.AgencyUnitId), tracked: true, ct);
        return (rows, await QuotasAsync(rows, current, year, ct));
    }

    /// <summary>The card of one list, showing page <paramref name="page"/> of its rows (the first when null).</summary>
    public async Task<JsonObject> RenderAsync(long? deciderId, int year, string language, string? notice, string? error, int? page, CancellationToken ct) =>
        await RenderAsync(deciderId, year, language, notice, error, page, await LoadAsync(deciderId, year, ct), ct);

    /// <summary>As above, from the list the caller has just read with <see cref="LoadAsync"/>.</summary>
    public async Task<JsonObject> RenderAsync(long? deciderId, int year, string language, string? notice, string? error, int? page,
        (List<ClassificationRecord> Rows, List<AgencyQuota> Quotas) list, CancellationToken ct)
    {
        var (rows, quotas) = list;
        var ids = rows.Select(r => r.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var unitIds = rows.Select(r => r.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return Render(deciderId, year, language, notice, error, page, rows, quotas, people, units);
    }

    /// <summary>
    /// Everything the decision cards of a year are made from, read once: the current rows, the quota of every agency, the
    /// people and unit names. Sending every head their card renders each list from it (<see cref="Render(long?, int, string, string?, DecisionSnapshot)"/>)
    /// instead of reading the whole year again per list.
    /// </summary>
    public async Task<DecisionSnapshot> SnapshotAsync(int year, List<ClassificationRecord>? current, CancellationToken ct)
    {
        current ??= await store.CurrentAsync(year, tracked: false, ct);
        var quotas = await quota.ForAgenciesAsync([.. current.Select(r => r.AgencyUnitId).Distinct()], current, year, ct);
        // The cards read only people's names: a province's register as whole entities would be most of the snapshot.
        var people = await db.People.AsNoTracking().Select(p => new Person { Id = p.Id, ExternalId = "", FullName = p.FullName }).ToDictionaryAsync(p => p.Id, ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new DecisionSnapshot(current, quotas, people, units, current.ToLookup(r => r.DeciderPersonId ?? 0));
    }

    /// <summary>The card of one list, from a snapshot; the same card as <see cref="RenderAsync"/> at the time of the snapshot.</summary>
    public JsonObject Render(long? deciderId, int year, string language, string? notice, DecisionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rows = snapshot.ByDecider[deciderId ?? 0].Where(r => r.DeciderPersonId == deciderId).ToList();
        var quotas = rows.Select(r => r.AgencyUnitId).Distinct().Select(a => snapshot.Quotas[a]).ToList();
        var people = rows.Select(r => r.PersonId).Distinct().Where(snapshot.People.ContainsKey).ToDictionary(id => id, id => snapshot.People[id]);
        var units = rows.Select(r => r.UnitId).Distinct().Where(snapshot.UnitNames.ContainsKey).ToDictionary(id => id, id => snapshot.UnitNames[id]);
        return Render(deciderId, year, language, notice, null, null, rows, quotas, people, units);
    }

    private async Task<List<AgencyQuota>> QuotasAsync(List<ClassificationRecord> rows, List<ClassificationRecord> current, int year, CancellationToken ct)
    {
        var agencies = rows.Select(r => r.AgencyUnitId).Distinct().ToList();
        var quotas = await quota.ForAgenciesAsync(agencies, current, year, ct);
        return [.. agencies.Select(a => quotas[a])];
    }

    private JsonObject Render(long? deciderId, int year, string language, string? notice, string? error, int? page, List<ClassificationRecord> rows, List<AgencyQuota> quotas,
        Dictionary<long, Person> people, Dictionary<long, string> units)
    {
        var text = new TextTable(templates, language);
        var ids = rows.Select(r => AgencyQuota.Key(r.PersonId)).ToHashSet(StringComparer.Ordinal);
        var over = quotas.SelectMany(q => q.Excess).ToList();
        var overKeys = over.Select(c => c.PersonId).ToHashSet(StringComparer.Ordinal);
        var overMine = over.Where(c => ids.Contains(c.PersonId)).ToList();
        var flagged = rows.Count(r => r.Outcome.NeedsDecision());
        var drafts = rows.Count(r => r.State == ClassificationState.Draft);
        var decided = rows.Count > 0 && drafts == 0;
        var names = people.Values.GroupBy(p => AgencyQuota.Key(p.Id), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().FullName, StringComparer.Ordinal);
        string Name(string key) => names.GetValueOrDefault(key) ?? text["classOtherUnitOne"];
        var size = cards.Value.PageSize;
        var shown = CardPage.Of([.. rows.OrderBy(r => r.Level ?? 9).ThenByDescending(r => r.Score).ThenBy(r => r.PersonId)], page, size);
        var data = new JsonObject
        {
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["list"] = deciderId is null ? BoardList : "own",
            ["title"] = text[decided ? "classDecisionHeaderDecided" : "classDecisionHeader"],
            ["status"] = Status(text, rows, drafts),
            ["count"] = rows.Count.ToString(CultureInfo.InvariantCulture),
            ["notice"] = notice ?? "",
            ["error"] = error ?? "",
            ["decided"] = decided,
            ["empty"] = rows.Count == 0,
            ["overQuota"] = over.Count > 0 && !decided,
            ["flagged"] = flagged > 0 && !decided,
            ["flaggedText"] = text.Format("classFlagged", flagged),
            ["page"] = text.Pager(shown),
            ["rows"] = new JsonArray([.. shown.Items.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = CardText.Plain(people.TryGetValue(r.PersonId, out var p) ? p.FullName : "?"),
                ["unit"] = CardText.Plain(units.GetValueOrDefault(r.UnitId, "")),
                ["level"] = LevelTexts.LevelText(text, r),
                ["score"] = r.Score is { } s ? text.Number(s) : "—",
                ["why"] = CardText.Plain(Why(r, text)),
                // Only a draft can still be over: a decided row was approved within the quota or set by the competent level.
                ["over"] = r.State == ClassificationState.Draft && overKeys.Contains(AgencyQuota.Key(r.PersonId)),
                ["state"] = r.State == ClassificationState.Decided ? text["classStateDecided"] : text["classStateDraft"],
            })]),
            ["quota"] = QuotaRows(text, quotas, decided, ids),
            ["exception"] = string.Join("; ", quotas.Where(q => q.Exception is not null).Select(q => text.Format("classExceptionRecorded",
                CardText.Plain(q.Exception!.DecisionNumber), TextTable.Date(q.Exception.DecidedOn), CardText.Plain(q.Exception.ApprovedBy)))),
            // The whole agency's excess ranked; past a page only the count, since the head's own are all in the choices below.
            ["excessMore"] = text.More(over.Count - size),
            ["excess"] = ExcessRows(text, over.Take(size).ToList(), names, units, people),
            ["canDemote"] = overMine.Count > 0 && !decided,
            ["choices"] = new JsonArray([.. overMine.Select(c => (JsonNode)new JsonObject
            {
                ["title"] = CardText.Plain(Name(c.PersonId)) + (c.Score is { } s ? " (" + text.Number(s) + ")" : ""),
                ["value"] = c.PersonId,
            })]),
        };
        return templates.Render("classification-decision", data, language);
    }

    /// <summary>
    /// The ranked excess as the viewer may see it: the people of their own list by name and unit with their score, and
    /// each run of people from lists they do not decide as one line, "n người thuộc đơn vị khác", without names, ids or
    /// scores.
    /// </summary>
    private static JsonArray ExcessRows(TextTable text, List<Domain.Quota.QuotaCandidate> over, Dictionary<string, string> names, Dictionary<long, string> units, Dictionary<long, Person> people)
    {
        var unitOf = people.Values.GroupBy(p => AgencyQuota.Key(p.Id), StringComparer.Ordinal).ToDictionary(g => g.Key, g => units.GetValueOrDefault(g.First().UnitId, ""), StringComparer.Ordinal);
        var result = new JsonArray();
        for (var i = 0; i < over.Count;)
        {
            if (names.TryGetValue(over[i].PersonId, out var name))
            {
                var unit = unitOf.GetValueOrDefault(over[i].PersonId, "");
                result.Add(new JsonObject
                {
                    ["rank"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                    ["name"] = unit.Length > 0 ? $"{CardText.Plain(name)} ({CardText.Plain(unit)})" : CardText.Plain(name),
                    ["score"] = over[i].Score is { } s ? text.Number(s) : "—",
                });
                i++;
                continue;
            }

            var start = i;
            while (i < over.Count && !names.ContainsKey(over[i].PersonId))
            {
                i++;
            }

            result.Add(new JsonObject
            {
                ["rank"] = i - start == 1 ? (start + 1).ToString(CultureInfo.InvariantCulture) : FormattableString.Invariant($"{start + 1}–{i}"),
                ["name"] = i - start == 1 ? text["classOtherUnitOne"] : text.Format("classOtherUnitMany", i - start),
                ["score"] = "—",
            });
        }

        return result;
    }

    /// <summary>
    /// The row's reason as its level stands: the compile's reason when the level is the compiled one; otherwise the
    /// compile's reason first, then the change (the head's demotion, the competent level's decision) with its reason, so
    /// the line ends with the level the row shows.
    /// </summary>
    public static string Why(ClassificationRecord r, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(text);
        var why = Explanations.Why(r.ExplanationJson, text.Language);
        var reason = r.Reason is { Length: > 0 } given ? given : "—";
        if (r.Level is { } level && r.Level != r.CompiledLevel)
        {
            var key = r.Outcome is ClassificationOutcome.AuthorityDecided or ClassificationOutcome.Rerated ? "classWhyAuthority" : "classWhyDemoted";
            return text.Format(key, why.Length > 0 ? why : "—", text.LevelName((Level)level), reason);
        }

        return r.Reason is { Length: > 0 } ? $"{reason} · {why}" : why;
    }

    /// <summary>Where the list stands: approved (on the last decision's date), a draft, or partly approved.</summary>
    private string Status(TextTable text, List<ClassificationRecord> rows, int drafts)
    {
        if (rows.Count == 0) return "—";
        if (drafts == rows.Count) return text["classStatusDraft"];
        if (drafts > 0) return text.Format("classStatusPartly", drafts, rows.Count);
        var last = rows.Max(r => r.DecidedAt);
        return last is { } at ? text.Format("classStatusDecided", TextTable.Date(clock.Today(at))) : text["classStateDecided"];
    }

    /// <summary>
    /// The quota of every scope that has anyone to count (a scope with no HTXS and no HTT says nothing and is left out).
    /// On an approved list a scope still over the cap is over by other lists' drafts, and says so.
    /// </summary>
    private static JsonArray QuotaRows(TextTable text, List<AgencyQuota> quotas, bool decided, HashSet<string> mine) =>
        new([.. quotas.SelectMany(q => q.Scopes.Where(s => s.Excellent > 0 || s.Good > 0).Select(s => (JsonNode)new JsonObject
        {
            ["scope"] = CardText.Plain(s.ScopeId),
            ["value"] = text.Format(s.Excellent <= s.Cap ? "classQuotaWithin"
                : decided && !s.Excess.Any(c => mine.Contains(c.PersonId)) ? "classQuotaOverOthers" : "classQuotaOver", s.Excellent, s.Cap, s.Good),
        }))]);
}

/// <summary>The year's decision data read once, for rendering many lists: current rows, quotas by agency, people (id and name only) and unit names by id.</summary>
public sealed record DecisionSnapshot(
    List<ClassificationRecord> Current,
    Dictionary<long, AgencyQuota> Quotas,
    Dictionary<long, Person> People,
    Dictionary<long, string> UnitNames,
    ILookup<long, ClassificationRecord> ByDecider);
