using Microsoft.Extensions.Options;
using Quartz;

namespace EvalBot.Features.FollowUps;

/// <summary>Sends new follow-ups to their holders and the reminders (<see cref="FollowUpNotifier"/>) on <see cref="FollowUpOptions.Cron"/>.</summary>
[DisallowConcurrentExecution]
public sealed partial class FollowUpJob(FollowUpNotifier notifier, Persistence.EvalBotDbContext db, TimeProvider time, Delivery.OutboxSignal signal, ILogger<FollowUpJob> logger) : IJob
{
    public static readonly JobKey Key = new("follow-ups", "follow-ups");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var queued = await notifier.NotifyAsync(time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (queued > 0)
        {
            signal.Notify();
            LogNotices(logger, queued);
        }
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Follow-ups: {Queued} notices queued")]
    private static partial void LogNotices(ILogger logger, int queued);
}

/// <summary>The follow-ups job and its trigger, in the organisation's time zone, under a fixed key so restarts replace it.</summary>
public static class FollowUpSchedule
{
    public static IServiceCollection AddFollowUpJobs(this IServiceCollection services)
    {
        services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<FollowUpJob>(job => job.WithIdentity(FollowUpJob.Key).WithDescription("Sends personnel follow-ups to their holders and reminds them").StoreDurably());
            q.AddTrigger<FollowUpJob>((sp, t) => t.ForJob(FollowUpJob.Key).WithIdentity("follow-ups", "follow-ups")
                .WithSchedule(CronScheduleBuilder.Create(sp.GetRequiredService<IOptions<FollowUpOptions>>().Value.Cron)
                    .InTimeZone(sp.GetRequiredService<OrganisationClock>().Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        return services;
    }
}
