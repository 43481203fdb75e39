using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Domain.Calendar;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Queues a round's messages: one card per reviewer and period listing every colleague they are asked about, each with
/// a button that opens that colleague's feedback form (<see cref="FeedbackListCard.RenderRound"/>), and one reminder
/// card likewise; each at the moment the check-in campaign would write to that reviewer (their zone, working hours,
/// working days, past recorded leave). A request added later on its own (a replacement reviewer) gets its own form card.
/// </summary>
public sealed class FeedbackRequestMessages(
    EvalBotDbContext db, CampaignTiming campaign, ProactiveAddressing addressing, OutboxWriter outbox, FeedbackForm form, FeedbackListCard list)
{
    /// <summary>
    /// Queues the round's card (or reminder) to each reviewer of <paramref name="requests"/>, once per reviewer and period:
    /// a reviewer who already has it, or whose requests were each announced on their own (a replacement, or a round
    /// opened before requests were grouped), is counted as already queued. Counts are of cards, not requests.
    /// </summary>
    public async Task<(int Queued, int AlreadyQueued, int Skipped)> QueueAsync(
        IReadOnlyList<FeedbackRequest> requests, CheckInCampaign checkIn, CampaignStepKind kind, int number, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(checkIn);
        var period = CampaignPeriods.Parse(checkIn.Period);
        var reminder = kind == CampaignStepKind.Reminder;
        var ids = requests.SelectMany(r => new[] { r.ReviewerPersonId, r.SubjectPersonId }).Distinct().ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Unit).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var leave = await db.Leaves.AsNoTracking().Where(l => ids.Contains(l.PersonId)).ToListAsync(cancellationToken);
        var sent = await SentKeysAsync(checkIn.Period, reminder, cancellationToken);
        int queued = 0, already = 0, skipped = 0;
        foreach (var group in requests.GroupBy(r => r.ReviewerPersonId))
        {
            var reviewer = people[group.Key];
            var key = reminder ? FeedbackKeys.RoundReminder(checkIn.Period, reviewer.Id) : FeedbackKeys.Round(checkIn.Period, reviewer.Id);
            if (sent.Contains(key) || group.All(r => sent.Contains(PairKey(r, reminder))))
            {
                already++;
                continue;
            }

            var away = leave.Where(l => l.PersonId == reviewer.Id).Select(l => new DateRange(l.From, l.To)).ToList();
            var (notBefore, skip) = campaign.When(reviewer, reviewer.Unit!, period, checkIn, kind, number, away, now);
            var recipient = skip is null ? await addressing.ForAsync(reviewer, checkIn.Period, notBefore, cancellationToken) : null;
            if (recipient is null)
            {
                skipped++;
                continue;
            }

            var card = RoundCard(reviewer, [.. group.Select(r => (r, people[r.SubjectPersonId]))], checkIn, reminder);
            var kindName = reminder ? FeedbackKeys.ReminderKind : FeedbackKeys.RequestKind;
            if (await outbox.EnqueueToPersonAsync(key, kindName, recipient, TurnContext.CardMessage(card), cancellationToken))
            {
                queued++;
            }
            else
            {
                already++;
            }
        }

        return (queued, already, skipped);
    }

    /// <summary>Queues one request's own form card (a replacement reviewer), once per reviewer, subject and period.</summary>
    public async Task<bool> QueueOneAsync(FeedbackRequest request, CheckInCampaign checkIn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(checkIn);
        var reviewer = await db.People.AsNoTracking().Include(p => p.Unit).SingleAsync(p => p.Id == request.ReviewerPersonId, cancellationToken);
        var subject = await db.People.AsNoTracking().Include(p => p.Unit).SingleAsync(p => p.Id == request.SubjectPersonId, cancellationToken);
        var away = await db.Leaves.AsNoTracking().Where(l => l.PersonId == reviewer.Id).Select(l => new DateRange(l.From, l.To)).ToListAsync(cancellationToken);
        var (notBefore, skip) = campaign.When(reviewer, reviewer.Unit!, CampaignPeriods.Parse(checkIn.Period), checkIn, CampaignStepKind.Open, 1, away, now);
        var recipient = skip is null ? await addressing.ForAsync(reviewer, request.Period, notBefore, cancellationToken) : null;
        if (recipient is null)
        {
            return false;
        }

        var language = reviewer.MessageLanguage();
        var notice = form.Text(language).Format("feedbackNoticeRequest", Cards.CardText.Plain(subject.FullName));
        var card = form.Render(request, subject, subject.Unit, checkIn, language, readOnly: false, notice);
        var key = FeedbackKeys.Request(request.Period, reviewer.Id, subject.Id);
        return await outbox.EnqueueToPersonAsync(key, FeedbackKeys.RequestKind, recipient, TurnContext.CardMessage(card), cancellationToken);
    }

    private System.Text.Json.Nodes.JsonObject RoundCard(Person reviewer, IReadOnlyList<(FeedbackRequest Request, Person Subject)> requests, CheckInCampaign checkIn, bool reminder)
    {
        var language = reviewer.MessageLanguage();
        var text = form.Text(language);
        var closes = TextTable.DateTime(checkIn.ClosesAt, Domain.Calendar.PersonTimeZone.Resolve(reviewer.TimeZone ?? reviewer.Unit?.TimeZone));
        var notice = reminder
            ? text.Format("feedbackNoticeRoundReminder", requests.Count, closes)
            : text.Format("feedbackNoticeRound", text.PeriodLabel(checkIn.Period), requests.Count, closes);
        return list.RenderRound(reviewer, requests, language, notice);
    }

    /// <summary>The period's request (or reminder) keys already in the outbox, saved or not: the grouped ones and the per-request ones.</summary>
    private async Task<HashSet<string>> SentKeysAsync(string period, bool reminder, CancellationToken cancellationToken)
    {
        var round = reminder ? FeedbackKeys.RoundReminderPrefix(period) : FeedbackKeys.RoundPrefix(period);
        var single = reminder ? FeedbackKeys.ReminderPrefix(period) : FeedbackKeys.RequestPrefix(period);
        var stored = await db.Outbox.AsNoTracking().Where(o => o.DedupeKey.StartsWith(round) || o.DedupeKey.StartsWith(single))
            .Select(o => o.DedupeKey).ToListAsync(cancellationToken);
        return [.. stored, .. db.Outbox.Local.Select(o => o.DedupeKey)];
    }

    private static string PairKey(FeedbackRequest request, bool reminder) => reminder
        ? FeedbackKeys.Reminder(request.Period, request.ReviewerPersonId, request.SubjectPersonId)
        : FeedbackKeys.Request(request.Period, request.ReviewerPersonId, request.SubjectPersonId);
}
