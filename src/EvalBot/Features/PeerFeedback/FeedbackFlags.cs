using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Tells the subject's direct leader (else the head of their unit) that a reviewer declared a conflict of interest,
/// so they can replace them. The leader learns who declined, never what anyone answered.
/// </summary>
public sealed class FeedbackFlags(FeedbackForm form, OutboxWriter outbox, ProactiveAddressing addressing)
{
    public async Task NotifyLeaderAsync(TurnContext turn, FeedbackRequest request, Person subject, Person reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(reviewer);
        var leaderId = subject.ManagerId ?? subject.Unit?.HeadPersonId;
        var leader = leaderId is null ? null : await turn.Db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == leaderId && p.IsActive, cancellationToken);
        if (leader is null || await addressing.ForAsync(leader, request.Period, null, cancellationToken) is not { } recipient)
        {
            return;
        }

        var text = form.Text(CardStringsLanguage(leader));
        var message = text.Format("feedbackFlaggedMessage", reviewer.FullName, subject.FullName, text.PeriodLabel(request.Period));
        await outbox.EnqueueToPersonAsync(FeedbackKeys.Flagged(request.Id), FeedbackKeys.FlaggedKind, recipient, TurnContext.TextMessage(message), cancellationToken);
    }

    private static string CardStringsLanguage(Person person) => person.MessageLanguage();
}
