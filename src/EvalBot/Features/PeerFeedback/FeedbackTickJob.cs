using Quartz;

namespace EvalBot.Features.PeerFeedback;

/// <summary>The scheduler's entry to feedback rounds. Never runs twice at once (cluster-wide on PostgreSQL).</summary>
[DisallowConcurrentExecution]
public sealed partial class FeedbackTickJob(FeedbackTicker ticker, ILogger<FeedbackTickJob> logger) : IJob
{
    public static readonly JobKey Key = new("feedback-tick", "feedback");
    public static readonly TriggerKey TriggerKey = new("feedback-tick", "feedback");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var result in await ticker.TickAsync(cancellationToken))
        {
            LogStep(logger, result.Period, result.Step, result.Created, result.Queued, result.AlreadyQueued, result.Skipped, result.Refused ?? "");
        }
    }

    // Counts only: feedback text and who answered are never logged.
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Feedback round {Period} {Step}: {Created} requests created, {Queued} queued, {AlreadyQueued} already queued, {Skipped} skipped {Refused}")]
    private static partial void LogStep(ILogger logger, string period, string step, int created, int queued, int alreadyQueued, int skipped, string refused);
}
