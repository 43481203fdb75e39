using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;

namespace EvalBot.Features.Classification;

/// <summary>The person's result card (<c>cards/classification-result.json</c>): the decided level, the score and every reason.</summary>
public sealed class ResultCard(CardTemplates templates, OrganisationClock clock, Domain.RuleSets.RuleSetCatalog ruleSets)
{
    public System.Text.Json.Nodes.JsonObject Render(ClassificationRecord row, Person person, string language)
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
            ["ruleSet"] = LegalName(row),
            ["decidedAt"] = row.DecidedAt is { } at ? TextTable.DateTime(at, clock.Zone) : "—",
            ["version"] = row.Version.ToString(CultureInfo.InvariantCulture),
            ["rerated"] = row.SupersedesId is not null,
            ["reason"] = CardText.Plain(row.Reason ?? ""),
            ["hasReason"] = !string.IsNullOrWhiteSpace(row.Reason),
            ["lines"] = new JsonArray([.. Explanations.Lines(row.ExplanationJson, language).Select(l => (JsonNode)new JsonObject { ["text"] = CardText.Plain(l) })]),
        };
        return templates.Render("classification-result", data, language);
    }

    /// <summary>
    /// The legal text the result was rated under, as a person reads it ("Nghị định 335/2025/NĐ-CP"): the first text of the
    /// rule-set's legal basis; the rule-set's id and version when it is no longer known.
    /// </summary>
    private string LegalName(ClassificationRecord row) =>
        ruleSets.RuleSets.FirstOrDefault(r => r.Id == row.RuleSetId && r.Version == row.RuleSetVersion)?.LegalBasis.Split(';')[0].Trim() is { Length: > 0 } name
            ? name
            : $"{row.RuleSetId} v{row.RuleSetVersion}";
}
