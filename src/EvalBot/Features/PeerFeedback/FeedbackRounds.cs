using EvalBot.Auditing;
using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Domain.Calendar;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

/// <summary>What a round step did: requests created, messages queued, already queued, skipped.</summary>
public sealed record FeedbackStepResult(string Period, string Step, int Created, int Queued, int AlreadyQueued, int Skipped, string? Refused = null);

/// <summary>
/// Opens a period's feedback round (choose reviewers, queue one request card per reviewer and subject) and reminds
/// unanswered requests once. Both run while the period's check-in campaign is open, are safe to re-run (the selection
/// is deterministic, requests are unique per pair, messages are keyed per reviewer, subject and period) and send at
/// the campaign's working-hour moments, never to people on leave.
/// </summary>
public sealed class FeedbackRounds(
    EvalBotDbContext db, FeedbackAudience audience, FeedbackRequestMessages messages, AuditLog audit, TimeProvider time, IOptions<PeerFeedbackOptions> options)
{
    public async Task<FeedbackStepResult> OpenAsync(string period, CancellationToken cancellationToken)
    {
        var parsed = CampaignPeriods.Parse(period);
        var now = time.GetUtcNow();
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == parsed.Label, cancellationToken);
        if (!FeedbackRepository.IsOpen(campaign, now))
        {
            return new FeedbackStepResult(parsed.Label, "open", 0, 0, 0, 0, campaign is null ? "notOpened" : "closed");
        }

        var candidates = await audience.CandidatesAsync(parsed, campaign!, now, cancellationToken);
        var existing = await audience.ExistingAsync(parsed.Label, cancellationToken);
        var chosen = ReviewerSelection.Select(parsed.Label, candidates, existing, options.Value.MaxRequestsPerReviewer, options.Value.UpwardForLeaders);
        foreach (var assignment in chosen)
        {
            db.Set<FeedbackRequest>().Add(new FeedbackRequest
            {
                Period = parsed.Label,
                SubjectPersonId = assignment.SubjectId,
                ReviewerPersonId = assignment.ReviewerId,
                Relation = assignment.Relation,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        var pending = await db.Set<FeedbackRequest>().AsNoTracking()
            .Where(r => r.Period == parsed.Label && r.Status == FeedbackStatus.Pending).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var (queued, already, skipped) = await messages.QueueAsync(pending, campaign!, CampaignStepKind.Open, 1, now, cancellationToken);
        var round = await RoundAsync(parsed.Label, cancellationToken);
        round.RequestsQueuedAt ??= now;
        var result = new FeedbackStepResult(parsed.Label, "open", chosen.Count, queued, already, skipped);
        audit.Record(AuditLog.SystemActor, "feedback.round.open", FeedbackKeys.AuditEntity, parsed.Label, new { result.Created, result.Queued, result.AlreadyQueued, result.Skipped });
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>Reminds every request still pending, once, at the campaign's reminder moment.</summary>
    public async Task<FeedbackStepResult> RemindAsync(string period, int campaignReminder, CancellationToken cancellationToken)
    {
        var parsed = CampaignPeriods.Parse(period);
        var now = time.GetUtcNow();
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == parsed.Label, cancellationToken);
        if (!FeedbackRepository.IsOpen(campaign, now))
        {
            return new FeedbackStepResult(parsed.Label, "remind", 0, 0, 0, 0, campaign is null ? "notOpened" : "closed");
        }

        var pending = await db.Set<FeedbackRequest>().AsNoTracking()
            .Where(r => r.Period == parsed.Label && r.Status == FeedbackStatus.Pending).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var (queued, already, skipped) = await messages.QueueAsync(pending, campaign!, CampaignStepKind.Reminder, campaignReminder, now, cancellationToken);
        var round = await RoundAsync(parsed.Label, cancellationToken);
        round.RemindersQueuedAt ??= now;
        audit.Record(AuditLog.SystemActor, "feedback.round.remind", FeedbackKeys.AuditEntity, parsed.Label, new { queued, already, skipped });
        await db.SaveChangesAsync(cancellationToken);
        return new FeedbackStepResult(parsed.Label, "remind", 0, queued, already, skipped);
    }

    private async Task<FeedbackRound> RoundAsync(string period, CancellationToken cancellationToken)
    {
        var round = await db.Set<FeedbackRound>().SingleOrDefaultAsync(r => r.Period == period, cancellationToken);
        if (round is null)
        {
            round = new FeedbackRound { Period = period };
            db.Set<FeedbackRound>().Add(round);
        }

        return round;
    }
}
