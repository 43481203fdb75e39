using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain.Review;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Review;

/// <summary>The three opinions of a review file as typed on the card, by kind (a field left out is not changed).</summary>
public sealed record OpinionsTyped(IReadOnlyDictionary<ReviewOpinionKind, string> Texts);

/// <summary>
/// The <c>review-opinions</c> card (rules 23, 37) for the organisation board: a person's review steps under their
/// rule-set with when each was taken, why the decision waits, and the opinions of other bodies (the workplace party
/// committee, the personnel advisory unit, the old unit after a transfer), each with who recorded it and when.
/// </summary>
public sealed class ReviewOpinionsCard(EvalBotDbContext db, ReviewSteps steps, CheckInScoring scoring, CardTemplates templates, OrganisationClock clock)
{
    /// <summary>The longest opinion.</summary>
    public const int MaxLength = 4000;

    /// <summary>The kinds the card shows, in the order of the procedure, with their input ids.</summary>
    public static readonly IReadOnlyList<(ReviewOpinionKind Kind, string Key)> Kinds =
        [(ReviewOpinionKind.PartyCommittee, "partyCommittee"), (ReviewOpinionKind.AdvisoryProposal, "advisoryProposal"), (ReviewOpinionKind.OldUnit, "oldUnit")];

    /// <summary>The person's current row of the year, or null before the compile.</summary>
    public Task<ClassificationRecord?> RowAsync(long personId, int year, CancellationToken ct) =>
        db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.PersonId == personId && r.Year == year).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);

    /// <summary>Renders the card; <paramref name="typed"/> re-shows what a refused submit held.</summary>
    public async Task<JsonObject> RenderAsync(Person person, ClassificationRecord row, string language, DateTimeOffset now, string? notice, string? error, OpinionsTyped? typed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(row);
        var text = new TextTable(templates, language);
        var en = language == "en";
        var state = (await steps.ForAsync([row], row.Year, now, ct))[person.Id];
        var stored = await db.ReviewOpinions.AsNoTracking().Where(o => o.PersonId == person.Id && o.Year == row.Year).ToDictionaryAsync(o => o.Kind, ct);
        var recorders = stored.Values.Select(o => o.RecordedByPersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => recorders.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == person.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        var before = state.Steps.TakeWhile(s => s != ReviewStep.Decision).ToList();
        var data = new JsonObject
        {
            ["title"] = text.Format("roTitle", row.Year),
            ["person"] = CardText.Plain(unit is null ? person.FullName : $"{person.FullName} ({unit})"),
            ["personId"] = person.Id.ToString(CultureInfo.InvariantCulture),
            ["year"] = row.Year.ToString(CultureInfo.InvariantCulture),
            ["ruleSet"] = text.RuleSetTitle(scoring.RuleSetFor(person, row.Year)),
            ["notice"] = notice ?? "",
            ["formError"] = error ?? "",
            ["steps"] = new JsonArray([.. before.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = Capital(en ? ReviewProcedure.NameEn(s) : ReviewProcedure.NameVi(s)),
                ["state"] = state.Done.TryGetValue(s, out var at) ? text.Format("roStepDone", TextTable.DateTime(at, clock.Zone)) : text["roStepMissing"],
            })]),
            ["ready"] = state.Refusal is null,
            ["status"] = state.Refusal is { } why ? text.Format("roWaiting", en ? why.TextEn : why.TextVi) : text["roReady"],
            ["maxLength"] = MaxLength,
            ["showOldUnit"] = state.OldUnitCommentRequired || stored.ContainsKey(ReviewOpinionKind.OldUnit),
        };
        foreach (var (kind, key) in Kinds)
        {
            var required = kind switch
            {
                ReviewOpinionKind.PartyCommittee => before.Contains(ReviewStep.PartyCommitteeComment),
                ReviewOpinionKind.AdvisoryProposal => before.Contains(ReviewStep.AdvisoryProposal),
                _ => state.OldUnitCommentRequired,
            };
            var label = text["ro" + char.ToUpperInvariant(key[0]) + key[1..]];
            data[key + "Label"] = required ? $"{label} {text["roRequired"]}" : label;
            var saved = stored.GetValueOrDefault(kind);
            data[key] = typed?.Texts.GetValueOrDefault(kind) ?? saved?.Text ?? "";
            data[key + "Recorded"] = saved is null ? "" : text.Format("roRecordedBy",
                names.TryGetValue(saved.RecordedByPersonId, out var by) ? CardText.Plain(by) : text["roRecordedByOffice"], TextTable.DateTime(saved.RecordedAt, clock.Zone));
        }

        return templates.Render("review-opinions", data, language);
    }

    private static string Capital(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
