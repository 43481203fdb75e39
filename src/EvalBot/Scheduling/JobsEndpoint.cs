using Quartz;

namespace EvalBot.Scheduling;

/// <summary><c>GET /admin/jobs</c>: every Quartz job with its triggers' next and previous fire times, in UTC.</summary>
public static class JobsEndpoint
{
    public static RouteGroupBuilder MapSchedulerJobs(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/jobs", ListAsync).WithName("SchedulerJobs").WithSummary("Scheduled jobs with next and previous fire times (UTC)");
        return admin;
    }

    private static async Task<IResult> ListAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return Results.Ok(new JobsView(Enabled: false, Scheduler: null, Jobs: []));
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var jobs = await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, cancellationToken);
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, cancellationToken);
        var views = jobs.Items.Select(job => new JobView(
            job.Key.Group,
            job.Key.Name,
            job.Description,
            job.ConcurrentExecutionDisallowed,
            [.. triggers.Items.Where(t => t.JobKey.Equals(job.Key)).Select(t => new TriggerView(
                t.Key.Group, t.Key.Name, t.State.ToString(), t.NextFireTimeUtc?.ToUniversalTime(), t.PreviousFireTimeUtc?.ToUniversalTime()))])).ToList();
        return Results.Ok(new JobsView(Enabled: true, scheduler.SchedulerName, views));
    }
}

public sealed record JobsView(bool Enabled, string? Scheduler, IReadOnlyList<JobView> Jobs);

public sealed record JobView(string Group, string Name, string? Description, bool DisallowsConcurrentExecution, IReadOnlyList<TriggerView> Triggers);

public sealed record TriggerView(string Group, string Name, string State, DateTimeOffset? NextFireTimeUtc, DateTimeOffset? PreviousFireTimeUtc);
