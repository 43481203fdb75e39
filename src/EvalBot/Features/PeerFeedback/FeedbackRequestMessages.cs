using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Domain.Calendar;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Queues request and reminder cards, one per reviewer, subject and period, each at the moment the check-in campaign
/// would write to that reviewer (their zone, working hours, working days, past recorded leave).
/// </summary>
public sealed class FeedbackRequestMessages(EvalBotDbContext db, CampaignTiming campaign, ProactiveAddressing addressing, OutboxWriter outbox, FeedbackForm form)
{
    public async Task<(int Queued, int AlreadyQueued, int Skipped)> QueueAsync(
        IReadOnlyList<FeedbackRequest> requests, CheckInCampaign checkIn, CampaignStepKind kind, int number, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(checkIn);
        var period = CampaignPeriods.Parse(checkIn.Period);
        var ids = requests.SelectMany(r => new[] { r.ReviewerPersonId, r.SubjectPersonId }).Distinct().ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Unit).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var leave = await db.Leaves.AsNoTracking().Where(l => ids.Contains(l.PersonId)).ToListAsync(cancellationToken);
        var reminder = kind == CampaignStepKind.Reminder;
        int queued = 0, already = 0, skipped = 0;
        foreach (var request in requests)
        {
            var reviewer = people[request.ReviewerPersonId];
            var subject = people[request.SubjectPersonId];
            var key = reminder ? FeedbackKeys.Reminder(request.Period, reviewer.Id, subject.Id) : FeedbackKeys.Request(request.Period, reviewer.Id, subject.Id);
            if (db.Outbox.Local.Any(o => o.DedupeKey == key) || await db.Outbox.AnyAsync(o => o.DedupeKey == key, cancellationToken))
            {
                already++;
                continue;
            }

            var away = leave.Where(l => l.PersonId == reviewer.Id).Select(l => new DateRange(l.From, l.To)).ToList();
            var (notBefore, skip) = campaign.When(reviewer, reviewer.Unit!, period, checkIn, kind, number, away, now);
            var recipient = skip is null ? await addressing.ForAsync(reviewer, request.Period, notBefore, cancellationToken) : null;
            if (recipient is null)
            {
                skipped++;
                continue;
            }

            var language = reviewer.MessageLanguage();
            var notice = form.Text(language).Format(reminder ? "feedbackNoticeReminder" : "feedbackNoticeRequest", CardText(subject.FullName));
            var card = form.Render(request, subject, subject.Unit, checkIn, language, readOnly: false, notice);
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

    private static string CardText(string name) => Cards.CardText.Plain(name);
}
