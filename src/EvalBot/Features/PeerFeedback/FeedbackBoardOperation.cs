using EvalBot.Auditing;
using EvalBot.Persistence;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// <c>feedback.open</c> from the board card: chooses reviewers and queues the feedback requests of an open period (the
/// same round as the admin API and the schedule), then follows their delivery.
/// </summary>
public sealed class FeedbackBoardOperation(FeedbackRounds rounds, DeliveryProgress delivery, AuditLog audit, EvalBotDbContext db) : IBoardOperation
{
    public string Kind => "feedback.open";

    public bool Accepts(string argument) => CampaignPeriods.TryParse(argument, out _, out _);

    public async Task<BoardOperationResult> RunAsync(BoardOperationRequest request, BoardProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = CampaignPeriods.Parse(request.Argument).Label;
        var result = await rounds.OpenAsync(period, cancellationToken);
        audit.Record(request.Actor, "feedback.round.open-requested", FeedbackKeys.AuditEntity, period,
            new { result.Created, result.Queued, result.Skipped, result.Refused, via = "board" });
        await db.SaveChangesAsync(cancellationToken);
        if (result.Refused is not null) return BoardOperationResult.Refuse(result.Refused == "closed" ? "boardResultClosedPeriod" : "boardResultNotOpened", period);
        var counts = await delivery.WatchAsync(period, [FeedbackKeys.RequestKind], progress, cancellationToken);
        return BoardOperationResult.Done("boardResultFeedback", period, result.Created, result.Queued, result.Skipped, counts.Sent, counts.Failed);
    }
}
