namespace EvalBot.Scheduling;

/// <summary>
/// Configuration section <c>Scheduling</c>: the Quartz scheduler that runs EvalBot's jobs, with its job store in the
/// app's own database (so a restart or another instance sees the same schedule).
/// </summary>
public sealed class SchedulingSettings
{
    public const string Section = "Scheduling";

    /// <summary>Run the scheduler. Tests that drive jobs by hand turn it off; nothing else needs to.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Prefix of Quartz's own tables, created on first start beside EvalBot's tables.</summary>
    public string TablePrefix { get; set; } = "QRTZ_";

    /// <summary>
    /// How late a trigger may fire before it counts as misfired. Misfired ticks are collapsed into one immediate run
    /// (see <see cref="SchedulingSetup"/>), so a long pause or a restart never replays a backlog of ticks.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>PostgreSQL only: how often each instance tells the cluster it is alive.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>PostgreSQL only: how long past a missed check-in before another instance takes over its work.</summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);
}
