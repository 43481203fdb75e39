using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;

namespace EvalBot.Features.Classification;

/// <summary>
/// The person's result card (<c>cards/classification-result.json</c>): the decided level, the score and every reason; for
/// a Party member asking with <c>xếp loại</c>, the year's Party rating beside it (its level, marked as a draft until decided).
/// </summary>
public sealed class ResultCard(CardTemplates templates, OrganisationClock clock, Domain.RuleSets.RuleSetCatalog ruleSets, Microsoft.Extensions.Options.IOptions<ComplaintOptions> complaints)
{
    public System.Text.Json.Nodes.JsonObject Render(ClassificationRecord row, Person person, string language, PartyStanding? party = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(person);
        var text = new TextTable(templates, language);
        var data = new JsonObject
        {
            ["year"] = row.Year.ToString(CultureInfo.InvariantCulture),
            ["name"] = CardText.Plain(person.FullName),
            ["level"] = LevelTexts.LevelText(text, row),
            ["score"] = row.Score is { } s ? text.Number(s) : "—",
            ["ruleSet"] = LegalName(row, language),
            ["decidedAt"] = row.DecidedAt is { } at ? TextTable.DateTime(at, clock.Zone) : "—",
            ["version"] = row.Version.ToString(CultureInfo.InvariantCulture),
            ["rerated"] = row.SupersedesId is not null,
            ["reason"] = CardText.Plain(row.Reason ?? ""),
            ["hasReason"] = !string.IsNullOrWhiteSpace(row.Reason),
            // Counted from the decision; a result not yet decided (never sent) counts from its compile.
            ["review"] = text.Format("classResultReview", TextTable.Date(ComplaintOptions.LastDay(clock.Today(row.DecidedAt ?? row.CompiledAt), complaints.Value.AnnualResultDays))),
            ["party"] = party is { Level: { } partyLevel } ? text.LevelName(partyLevel) + (party.Decided ? "" : " (" + text["classStateDraft"] + ")") : "",
            ["lines"] = new JsonArray([.. Explanations.Lines(row.ExplanationJson, language).Select(l => (JsonNode)new JsonObject { ["text"] = CardText.Plain(l) })]),
        };
        return templates.Render("classification-result", data, language);
    }

    /// <summary>
    /// The legal text the result was rated under, as a person reads it ("Nghị định 335/2025/NĐ-CP"): the rule-set's legal
    /// title; the rule-set's id and version when that version is no longer known.
    /// </summary>
    private string LegalName(ClassificationRecord row, string language) =>
        ruleSets.RuleSets.FirstOrDefault(r => r.Id == row.RuleSetId && r.Version == row.RuleSetVersion)?.LegalTitle(language == "en")
            ?? $"{row.RuleSetId} v{row.RuleSetVersion}";
}
