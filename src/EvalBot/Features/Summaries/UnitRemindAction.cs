using System.Globalization;
using EvalBot.Auditing;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Summaries;

/// <summary>
/// <c>summary.remind</c> with <c>{unit, period}</c>, the unit card's button: queues one reminder, through the outbox, to
/// each person of the unit (and the units below it) who has not submitted a report for that open period. Only a leader
/// of the unit may send it (the sender comes from the activity; the card data only points at the unit and the period).
/// A person is reminded this way at most once a day, so a second press or a redelivery queues nothing new.
/// </summary>
public sealed class UnitRemindAction(CardTemplates templates, OutboxWriter outbox, AuditLog audit, OrganisationClock clock) : ICardActionHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["summary.remind"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var text = new TextTable(templates, turn.Language);
        var me = await turn.SenderAsync(cancellationToken);
        if (me is null) return InvokeResponse.Message(text["sumNoPerson"]);
        var units = await turn.Db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);
        var tree = new OrgTree(units);
        var unitId = long.TryParse(JsonRead.Text(action.Data, "unit"), NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : -1;
        if (!units.TryGetValue(unitId, out var unit) || !UnitReporting.Leads(tree, unitId, me))
        {
            audit.Record(me.AadObjectId ?? me.ExternalId, "summary.remind.refused", "unit", unitId.ToString(CultureInfo.InvariantCulture), new { }, at: turn.Now);
            return InvokeResponse.Message(text["sumRemindNotLeader"]);
        }

        var scope = tree.Subtree(unitId).ToList();
        var people = await turn.Db.People.AsNoTracking().Where(p => p.IsActive && scope.Contains(p.UnitId)).ToListAsync(cancellationToken);
        var period = PeriodKey.TryParse(JsonRead.Text(action.Data, "period"), out var key) ? key.ToString() : "";
        var reporting = await UnitReporting.OfAsync(turn.Db, period, [.. people.Select(p => p.Id)], cancellationToken);
        if (reporting.Campaign is not { } campaign || !campaign.IsOpenAt(turn.Now))
        {
            return InvokeResponse.Message(text["sumRemindClosed"]);
        }

        var queued = await QueueAsync(turn, me, reporting.Missing(people, p => p.Id), campaign, cancellationToken);
        audit.Record(me.AadObjectId ?? me.ExternalId, "summary.remind", "unit", unit.ExternalId, new { period, queued }, at: turn.Now);
        return InvokeResponse.Message(queued == 0 ? text["sumRemindNone"] : text.Format("sumRemindQueued", queued, text.PeriodLabel(period)));
    }

    /// <summary>One reminder per person with a Teams identity, in their own language, keyed by period, person and day.</summary>
    private async Task<int> QueueAsync(TurnContext turn, Person leader, List<Person> missing, CheckInCampaign campaign, CancellationToken ct)
    {
        if (turn.Activity.TenantId is not { } tenant || turn.Activity.Recipient?.Id is not { } botId) return 0;
        var day = clock.Today(turn.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var queued = 0;
        foreach (var person in missing.Where(p => p.AadObjectId is not null))
        {
            var text = new TextTable(templates, person.MessageLanguage());
            var message = text.Format("sumRemindMessage", CardText.Plain(leader.FullName), text.PeriodLabel(campaign.Period), TextTable.DateTime(campaign.ClosesAt, clock.Zone));
            var recipient = new ProactiveRecipient(person.AadObjectId!, tenant, botId, turn.ServiceUrl, person.Id, campaign.Period);
            var key = $"summary.remind:{campaign.Period}:{person.Id.ToString(CultureInfo.InvariantCulture)}:{day}";
            if (await outbox.EnqueueToPersonAsync(key, "summary.remind", recipient, TurnContext.TextMessage(message), ct, turn.Now)) queued++;
        }

        return queued;
    }
}
