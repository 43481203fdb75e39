using EvalBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace EvalBot.Scheduling;

/// <summary>
/// Quartz 4 with a persistent job store in EvalBot's database: the app's SQLite file, or PostgreSQL with clustering
/// on, so that several instances fire each job once cluster-wide. Quartz creates its own tables on first start.
/// </summary>
/// <remarks>
/// <para>Jobs are built by the container in a scope per firing (the 4.x default job factory), so they take scoped
/// services such as the DbContext. Quartz takes the app's <see cref="TimeProvider"/> from the container, so tests
/// that swap in a fake clock move the scheduler's clock too.</para>
/// <para>Misfires: the tick trigger repeats on an interval; a tick missed while the app was down or busy fires once
/// as soon as possible and the interval restarts from there (no replayed backlog). That is safe because every job
/// works out what is due from the current time and is idempotent.</para>
/// <para>No cron expressions: intervals avoid the 01:00–03:00 clock-change window entirely, and messages carry their
/// own working-hours "not before" instant, so a tick at night sends nothing.</para>
/// </remarks>
public static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SchedulingSettings.Section);
        services.AddOptions<SchedulingSettings>()
            .Bind(section)
            .Validate(s => s.TablePrefix.Length > 0 && s.MisfireThreshold > TimeSpan.Zero, "Scheduling:TablePrefix must be set and Scheduling:MisfireThreshold positive.")
            .ValidateOnStart();

        var settings = section.Get<SchedulingSettings>() ?? new SchedulingSettings();
        if (!settings.Enabled)
        {
            return services;
        }

        var postgres = new DatabaseOptions { Provider = configuration["Database:Provider"] ?? "sqlite" }.IsPostgres;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "EvalBot");
            q.UsePersistentStore(store =>
            {
                if (postgres)
                {
                    store.UsePostgres(o => o.DataSourceFactory = sp => NpgsqlDataSource.Create(PersistenceSetup.PostgresConnectionString(sp)));
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = settings.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = settings.ClusterCheckinMisfireThreshold;
                    });
                }
                else
                {
                    store.UseSqlite(o => o.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(PersistenceSetup.SqliteConnectionString(sp)));
                }

                store.ConfigureStore(o =>
                {
                    o.TablePrefix = settings.TablePrefix;
                    o.MisfireThreshold = settings.MisfireThreshold;
                });
                store.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        // The switch is read again from the final configuration, in case a host or test overrides it after registration.
        services.AddOptions<QuartzHostedServiceOptions>().Configure<IOptions<SchedulingSettings>>((o, s) => o.AutoStart = s.Value.Enabled);
        return services;
    }
}
