using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using EvalBot.Persistence.Entities;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// Queues one check-in campaign message to one person, at the moment <see cref="CampaignTiming"/> gives for them.
/// </summary>
public sealed class CampaignMessages(OutboxWriter outbox, ProactiveAddressing addressing, CheckInForm form, CheckInViews views, CheckInRepository repository)
{
    private Dictionary<long, CheckInContext> _contexts = [];

    public enum Outcome
    {
        Queued,
        AlreadyQueued,
        Skipped,
    }

    /// <summary>
    /// Reads what the cards of a batch of people need (their chats, targets, reports and remediation items) in a few
    /// queries, replacing the previous batch: queuing the batch then costs no query per person.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<Person> people, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await addressing.PrepareAsync(people, cancellationToken);
        _contexts = await repository.LoadManyAsync(people, period.Label, cancellationToken);
    }

    /// <summary>
    /// Queues the check-in card with a notice (the opening prompt or a reminder), as it stands at the step's
    /// <paramref name="now"/>: people fill it in place.
    /// </summary>
    public async Task<(Outcome Outcome, string? Reason)> QueueFormAsync(
        Person person, Period period, DateTimeOffset notBefore, string key, string kind, string noticeKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(period);
        var recipient = await addressing.ForAsync(person, period.Label, notBefore, cancellationToken);
        if (recipient is null)
        {
            return (Outcome.Skipped, SkipReasons.NoTeamsAddress);
        }

        var language = person.MessageLanguage();
        var notice = form.Text(language)[noticeKey];
        var card = _contexts.TryGetValue(person.Id, out var context) && context.Period == period.Label
            ? form.Render(views.Of(context, now), language, notice)
            : await form.RenderForAsync(person, period.Label, language, notice, now, cancellationToken);
        return await EnqueueAsync(key, kind, recipient, card, now, cancellationToken);
    }

    /// <summary>Queues a card already rendered for the person (an escalation digest), at the step's <paramref name="now"/>.</summary>
    public async Task<(Outcome Outcome, string? Reason)> QueueCardAsync(
        Person person, Period period, DateTimeOffset notBefore, string key, string kind, JsonObject card, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var recipient = await addressing.ForAsync(person, period.Label, notBefore, cancellationToken);
        return recipient is null
            ? (Outcome.Skipped, SkipReasons.NoTeamsAddress)
            : await EnqueueAsync(key, kind, recipient, card, now, cancellationToken);
    }

    private async Task<(Outcome, string?)> EnqueueAsync(string key, string kind, ProactiveRecipient recipient, JsonObject card, DateTimeOffset now, CancellationToken cancellationToken) =>
        await outbox.EnqueueToPersonAsync(key, kind, recipient, TurnContext.CardMessage(card), cancellationToken, now)
            ? (Outcome.Queued, null)
            : (Outcome.AlreadyQueued, null);
}
