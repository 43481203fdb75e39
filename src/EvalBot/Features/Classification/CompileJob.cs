using Quartz;

namespace EvalBot.Features.Classification;

/// <summary>The year-end compile of the current year (in the configured time zone). Idempotent: a re-run changes nothing unchanged.</summary>
[DisallowConcurrentExecution]
public sealed partial class CompileJob(AnnualCompiler compiler, TimeProvider time, OrganisationClock clock, ILogger<CompileJob> logger) : IJob
{
    public static readonly JobKey Key = new("annual-compile", "classification");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var year = clock.Year(time.GetUtcNow());
        // Which fire this run serves: a fire delayed behind the one before it runs right after it, so the fire, not the
        // moment a run starts, is what says whether a fire ran once across the instances.
        LogStarting(logger, year, context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        var report = await compiler.CompileAsync(year, Auditing.AuditLog.SystemActor, cancellationToken);
        LogCompiled(logger, year, report.Changed, report.Units.Count);
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Annual compile {Year} starting for the fire of {Fire:O}")]
    private static partial void LogStarting(ILogger logger, int year, DateTimeOffset fire);

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Annual compile {Year}: {Changed} classifications written, {Units} units")]
    private static partial void LogCompiled(ILogger logger, int year, int changed, int units);
}
