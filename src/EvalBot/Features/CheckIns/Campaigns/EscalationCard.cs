using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain.Records;
using EvalBot.Persistence.Entities;
using Microsoft.Extensions.Options;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// Renders <c>cards/checkin-escalation.json</c>: the non-responders of one leader or head, in the leader's language; the
/// first <see cref="CardsOptions.PageSize"/> by name and a count of the others, so a large unit's digest stays a card
/// Teams accepts.
/// </summary>
public sealed class EscalationCard(CardTemplates templates, CampaignCalendar calendar, IOptions<CardsOptions> cards)
{
    public JsonObject Render(Person leader, int level, Period period, CheckInCampaign campaign, IReadOnlyList<Person> people, IReadOnlySet<long> drafts)
    {
        ArgumentNullException.ThrowIfNull(leader);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(drafts);
        var text = new TextTable(templates, leader.MessageLanguage());
        var zone = calendar.ZoneOf(leader.TimeZone, leader.Unit?.TimeZone);
        var data = new JsonObject
        {
            ["period"] = period.Label,
            ["periodLabel"] = text.PeriodLabel(period.Label),
            ["level"] = level,
            ["count"] = people.Count.ToString(CultureInfo.InvariantCulture),
            ["closes"] = TextTable.DateTime(campaign.ClosesAt, zone),
            ["more"] = text.More(people.Count - cards.Value.PageSize),
            ["people"] = new JsonArray([.. people.Take(cards.Value.PageSize).Select(p => (JsonNode)new JsonObject
            {
                ["name"] = CardText.Plain(p.FullName),
                ["unit"] = CardText.Plain(p.Unit?.Name ?? ""),
                ["status"] = text[drafts.Contains(p.Id) ? "campaignStatusDraft" : "campaignStatusNotStarted"],
            })]),
        };
        return templates.Render("checkin-escalation", data, text.Language);
    }
}
