using Microsoft.Extensions.Options;
using Quartz;

namespace EvalBot.Features.Classification;

/// <summary>
/// The two classification jobs and their cron triggers, added to whichever scheduler the app registers (none when
/// scheduling is off), under fixed keys so restarts replace them.
/// </summary>
public static class ClassificationSchedule
{
    public static IServiceCollection AddClassificationJobs(this IServiceCollection services)
    {
        services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<CompileJob>(job => job.WithIdentity(CompileJob.Key).WithDescription("Compiles the year's records into the annual classification").StoreDurably());
            q.AddTrigger<CompileJob>((sp, t) => t.ForJob(CompileJob.Key).WithIdentity("annual-compile", "classification")
                .WithSchedule(Cron(sp, o => o.CompileCron)));
            q.AddJob<ReminderJob>(job => job.WithIdentity(ReminderJob.Key).WithDescription("Reminds heads of the classification deadlines").StoreDurably());
            q.AddTrigger<ReminderJob>((sp, t) => t.ForJob(ReminderJob.Key).WithIdentity("deadline-reminders", "classification")
                .WithSchedule(Cron(sp, o => o.ReminderCron)));
        });
        return services;
    }

    private static CronScheduleBuilder Cron(IServiceProvider services, Func<ClassificationOptions, string> expression)
    {
        var options = services.GetRequiredService<IOptions<ClassificationOptions>>().Value;
        return CronScheduleBuilder.Create(expression(options)).InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone))
            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
    }
}
