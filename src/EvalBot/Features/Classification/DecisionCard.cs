using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Features.CheckIns;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// The head's decision card (<c>cards/classification-decision.json</c>): the draft list with each person's level, score and
/// short why, the quota of the agency, the candidates over it ranked by score, and the approve / demote / exception actions.
/// </summary>
public sealed class DecisionCard(EvalBotDbContext db, CardTemplates templates, ClassificationStore store, QuotaReview quota)
{
    public const string BoardList = "board";

    /// <summary>The rows of a list and the quota of every agency they belong to.</summary>
    public async Task<(List<ClassificationRecord> Rows, List<AgencyQuota> Quotas)> LoadAsync(long? deciderId, int year, CancellationToken ct)
    {
        var rows = await store.ListOfAsync(deciderId, year, ct);
        var quotas = new List<AgencyQuota>();
        foreach (var agency in rows.Select(r => r.AgencyUnitId).Distinct())
        {
            quotas.Add(await quota.ForAgencyAsync(agency, year, ct));
        }

        return (rows, quotas);
    }

    public async Task<JsonObject> RenderAsync(long? deciderId, int year, string language, string? notice, string? error, CancellationToken ct)
    {
        var (rows, quotas) = await LoadAsync(deciderId, year, ct);
        var text = new CheckInText(templates, language);
        var ids = rows.Select(r => r.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var unitIds = rows.Select(r => r.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var over = quotas.SelectMany(q => q.Excess).ToList();
        var overMine = over.Where(c => ids.Any(id => AgencyQuota.Key(id) == c.PersonId)).ToList();
        var flagged = rows.Count(r => r.Outcome is "NeedsAuthorityDecision" or "Rejected");
        var decided = rows.Count > 0 && rows.All(r => r.State == ClassificationState.Decided);
        string Name(string key) => people.Values.FirstOrDefault(p => AgencyQuota.Key(p.Id) == key)?.FullName ?? key;
        var data = new JsonObject
        {
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["list"] = deciderId is null ? BoardList : "own",
            ["count"] = rows.Count.ToString(CultureInfo.InvariantCulture),
            ["notice"] = notice ?? "",
            ["error"] = error ?? "",
            ["decided"] = decided,
            ["empty"] = rows.Count == 0,
            ["overQuota"] = over.Count > 0 && !decided,
            ["flagged"] = flagged > 0 && !decided,
            ["flaggedText"] = text.Format("classFlagged", flagged),
            ["rows"] = new JsonArray([.. rows.OrderBy(r => r.Level ?? 9).ThenByDescending(r => r.Score).Select(r => (JsonNode)new JsonObject
            {
                ["name"] = CardText.Plain(people.TryGetValue(r.PersonId, out var p) ? p.FullName : "?"),
                ["unit"] = CardText.Plain(units.GetValueOrDefault(r.UnitId, "")),
                ["level"] = LevelText(text, r),
                ["score"] = r.Score is { } s ? text.Number(s) : "—",
                ["why"] = CardText.Plain(Why(r, language)),
                ["over"] = over.Any(c => c.PersonId == AgencyQuota.Key(r.PersonId)),
                ["state"] = r.State == ClassificationState.Decided ? text["classStateDecided"] : text["classStateDraft"],
            })]),
            ["quota"] = new JsonArray([.. quotas.SelectMany(q => q.Scopes.Select(s => (JsonNode)new JsonObject
            {
                ["scope"] = CardText.Plain(s.ScopeId),
                ["value"] = text.Format(s.Excellent > s.Cap ? "classQuotaOver" : "classQuotaWithin", s.Excellent, s.Cap, s.Good),
            }))]),
            ["exception"] = string.Join("; ", quotas.Where(q => q.Exception is not null).Select(q => text.Format("classExceptionRecorded",
                CardText.Plain(q.Exception!.DecisionNumber), CheckInText.Date(q.Exception.DecidedOn), CardText.Plain(q.Exception.ApprovedBy)))),
            ["excess"] = new JsonArray([.. over.Select((c, i) => (JsonNode)new JsonObject
            {
                ["rank"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                ["name"] = CardText.Plain(Name(c.PersonId)),
                ["score"] = c.Score is { } s ? text.Number(s) : "—",
            })]),
            ["canDemote"] = overMine.Count > 0 && !decided,
            ["choices"] = new JsonArray([.. overMine.Select(c => (JsonNode)new JsonObject
            {
                ["title"] = CardText.Plain(Name(c.PersonId)) + (c.Score is { } s ? " (" + text.Number(s) + ")" : ""),
                ["value"] = c.PersonId,
            })]),
        };
        return templates.Render("classification-decision", data, language);
    }

    public static string LevelText(CheckInText text, ClassificationRecord r)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(r);
        return r.Outcome switch
        {
            "NotRated" => text["classNotRated"],
            "NeedsAuthorityDecision" or "Rejected" => text["classNeedsDecision"],
            _ => text.LevelName(r.Level is { } l ? (Level)l : null),
        };
    }

    public static string Why(ClassificationRecord r, string language)
    {
        ArgumentNullException.ThrowIfNull(r);
        var why = Explanations.Why(r.ExplanationJson, language);
        return r.Reason is { Length: > 0 } reason ? $"{reason} · {why}" : why;
    }
}
