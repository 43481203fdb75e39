using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence.Entities;

namespace EvalBot.Features.Party;

/// <summary>
/// The quarterly self-assessment card (<c>cards/party-quarter.json</c>, Guidance 43 Form 05): the quarter, the periods it
/// came from, the general groups' and the task group's points on the Party rule-set's maxima, the total and the level.
/// </summary>
public sealed class PartyQuarterCard(CardTemplates templates, PartyConditions conditions, OrganisationClock clock)
{
    public JsonObject Render(PartyQuarterRecord record, string memberName, string language, string? notice)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = new TextTable(templates, language);
        var scale = conditions.RuleSetFor(record.Year).Scale;
        var quarter = text.PeriodLabel(PartyQuarters.Label(record.Year, record.Quarter));
        var facts = new (string Title, string Value)[]
        {
            (text["partyQuarterPeriods"], string.Join(", ", record.Periods.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(text.PeriodLabel))),
            (text["partyQuarterGeneral"], text.Points(record.GeneralPoints, scale.GeneralMax)),
            (text["partyQuarterTask"], text.Points(record.TaskPoints, scale.TaskMax)),
            (text["partyQuarterTotal"], text.Points(record.Total, scale.TotalMax)),
            (text["partyQuarterLevel"], text.LevelName((Level)record.Level)),
        };
        var data = new JsonObject
        {
            ["title"] = CardText.Plain(text.Format("partyQuarterTitle", quarter, memberName)),
            ["status"] = text.Format("partyQuarterStatus", TextTable.Date(clock.Today(record.UpdatedAt))),
            ["notice"] = notice ?? "",
            ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = CardText.Plain(f.Value) })]),
            ["footer"] = text.Format("partyQuarterFooter", record.Year.ToString(CultureInfo.InvariantCulture)),
        };
        return templates.Render("party-quarter", data, language);
    }
}
