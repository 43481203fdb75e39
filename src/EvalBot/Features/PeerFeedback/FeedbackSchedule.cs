using Microsoft.Extensions.Options;
using Quartz;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Adds the feedback tick (one durable job, one interval trigger, fixed keys so restarts replace them) to the app's
/// scheduler once the host has started, so the feature needs no change in <c>Scheduling/</c>. Without a scheduler
/// (scheduling off) it does nothing; rounds can still be run from the admin API.
/// </summary>
public sealed partial class FeedbackSchedule(IServiceProvider services, IHostApplicationLifetime lifetime, IOptions<PeerFeedbackOptions> options, ILogger<FeedbackSchedule> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = ScheduleAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ScheduleAsync()
    {
        if (!options.Value.Enabled || services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return;
        }

        try
        {
            var scheduler = await factory.GetScheduler(lifetime.ApplicationStopping);
            var job = JobBuilder.Create<FeedbackTickJob>().WithIdentity(FeedbackTickJob.Key)
                .WithDescription("Opens and reminds peer-feedback rounds when due").StoreDurably().Build();
            var trigger = TriggerBuilder.Create().ForJob(FeedbackTickJob.Key).WithIdentity(FeedbackTickJob.TriggerKey).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.Value.TickInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is SchedulerException or OperationCanceledException or ObjectDisposedException)
        {
            LogScheduleFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "The feedback tick could not be scheduled; rounds can be run from the admin API")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception);
}
