using Quartz;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// The scheduler's entry to campaigns, every <see cref="CampaignOptions.TickInterval"/>. Never runs twice at once,
/// cluster-wide on PostgreSQL; each run only asks the <see cref="CampaignTicker"/> what is due now.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class CampaignTickJob(CampaignTicker ticker, ILogger<CampaignTickJob> logger) : IJob
{
    public static readonly JobKey Key = new("campaign-tick", "campaigns");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var result in await ticker.TickAsync(cancellationToken))
        {
            LogStep(logger, result.Period, result.Step, result.Queued, result.AlreadyQueued, result.Skipped.Count, result.Refused ?? "");
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Campaign {Period} {Step}: {Queued} queued, {AlreadyQueued} already queued, {Skipped} skipped {Refused}")]
    private static partial void LogStep(ILogger logger, string period, string step, int queued, int alreadyQueued, int skipped, string refused);
}
