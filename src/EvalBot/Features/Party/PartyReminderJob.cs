using Microsoft.Extensions.Options;
using Quartz;

namespace EvalBot.Features.Party;

/// <summary>Runs the Party track's deadline reminders (<see cref="PartyReminders"/>) once a day.</summary>
[DisallowConcurrentExecution]
public sealed partial class PartyReminderJob(PartyReminders reminders, Persistence.EvalBotDbContext db, TimeProvider time, Delivery.OutboxSignal signal, ILogger<PartyReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("party-reminders", "party");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var queued = await reminders.RemindAsync(time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        LogReminders(logger, queued);
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Party deadline reminders: {Queued} queued")]
    private static partial void LogReminders(ILogger logger, int queued);
}

/// <summary>The reminder job and its daily trigger, in the organisation's time zone, under a fixed key so restarts replace it.</summary>
public static class PartySchedule
{
    public static IServiceCollection AddPartyJobs(this IServiceCollection services)
    {
        services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<PartyReminderJob>(job => job.WithIdentity(PartyReminderJob.Key).WithDescription("Reminds the holders of pending Party steps of the deadline").StoreDurably());
            q.AddTrigger<PartyReminderJob>((sp, t) => t.ForJob(PartyReminderJob.Key).WithIdentity("party-reminders", "party")
                .WithSchedule(CronScheduleBuilder.Create(sp.GetRequiredService<IOptions<PartyOptions>>().Value.ReminderCron)
                    .InTimeZone(sp.GetRequiredService<OrganisationClock>().Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        return services;
    }
}
