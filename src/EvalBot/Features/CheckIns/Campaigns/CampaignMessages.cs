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
/// Queues one campaign message to one person at the right moment for them: the step's time in their own zone, moved
/// into working hours on a Vietnamese working day and past their recorded leave; nobody is written to on leave that
/// lasts until the campaign closes.
/// </summary>
public sealed class CampaignMessages(OutboxWriter outbox, ProactiveAddressing addressing, CheckInForm form, CheckInRepository repository, CampaignCalendar calendar)
{
    private Dictionary<long, CheckInContext> _contexts = [];

    public enum Outcome
    {
        Queued,
        AlreadyQueued,
        Skipped,
    }

    /// <summary>When the step may reach the person, or a skip reason.</summary>
    public (DateTimeOffset? NotBefore, string? SkipReason) When(
        Person person, Unit unit, Period period, CheckInCampaign campaign, CampaignStepKind kind, int number, IReadOnlyCollection<DateRange> leave, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(leave);
        var schedule = calendar.ForCampaign(period, campaign.OpenedAt, calendar.ZoneOf(person.TimeZone, unit.TimeZone));
        var step = schedule.Steps.First(s => s.Kind == kind && s.Number == number);
        if (kind == CampaignStepKind.Open && campaign.OpenedAt < step.At)
        {
            // Opened before the scheduled day (an admin opening the current period so people report as they go):
            // the prompt goes out now, within the person's working hours; reminders still follow the schedule.
            step = step with { At = campaign.OpenedAt, LocalAt = TimeZoneInfo.ConvertTime(campaign.OpenedAt, schedule.TimeZone) };
        }

        var decision = schedule.ShouldSendNow(step, leave, now);
        return decision.Verdict == SendVerdict.Never
            ? (null, leave.Count > 0 && ShouldSkipForLeave(schedule, step, now) ? SkipReasons.OnLeave : SkipReasons.WindowClosed)
            : (decision.At ?? now, null);
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

    /// <summary>Queues the check-in card with a notice (the opening prompt or a reminder): people fill it in place.</summary>
    public async Task<(Outcome Outcome, string? Reason)> QueueFormAsync(
        Person person, Period period, DateTimeOffset notBefore, string key, string kind, string noticeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(period);
        var recipient = await addressing.ForAsync(person, period.Label, notBefore, cancellationToken);
        if (recipient is null)
        {
            return (Outcome.Skipped, SkipReasons.NoTeamsAddress);
        }

        var language = LanguageOf(person);
        var notice = form.Text(language)[noticeKey];
        var card = _contexts.TryGetValue(person.Id, out var context) && context.Period == period.Label
            ? form.Render(context, language, notice)
            : await form.RenderForAsync(person, period.Label, language, notice, cancellationToken);
        return await EnqueueAsync(key, kind, recipient, card, cancellationToken);
    }

    /// <summary>Queues a card already rendered for the person (an escalation digest).</summary>
    public async Task<(Outcome Outcome, string? Reason)> QueueCardAsync(
        Person person, Period period, DateTimeOffset notBefore, string key, string kind, JsonObject card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var recipient = await addressing.ForAsync(person, period.Label, notBefore, cancellationToken);
        return recipient is null
            ? (Outcome.Skipped, SkipReasons.NoTeamsAddress)
            : await EnqueueAsync(key, kind, recipient, card, cancellationToken);
    }

    /// <summary>The person's card language: their preference, else Vietnamese.</summary>
    public static string LanguageOf(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return CardStrings.LanguageOf(person.PreferredLanguage);
    }

    private async Task<(Outcome, string?)> EnqueueAsync(string key, string kind, ProactiveRecipient recipient, JsonObject card, CancellationToken cancellationToken) =>
        await outbox.EnqueueToPersonAsync(key, kind, recipient, TurnContext.CardMessage(card), cancellationToken)
            ? (Outcome.Queued, null)
            : (Outcome.AlreadyQueued, null);

    /// <summary>Leave is the reason when, without it, the step would still have had a working hour before the close.</summary>
    private static bool ShouldSkipForLeave(CampaignSchedule schedule, CampaignStep step, DateTimeOffset now) =>
        schedule.ShouldSendNow(step, [], now).Verdict != SendVerdict.Never;
}
