using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using EvalBot.Hosting;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Bench.YearEnd;

/// <summary>A clock fixed at one instant, so the compile and the summary see the same "today" on every run.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Where the benchmark database is: the provider and its connection string.</summary>
public sealed record BenchDatabase(string Provider, string ConnectionString)
{
    public bool IsPostgres => Provider == "postgres";

    public static BenchDatabase Sqlite(string file) => new("sqlite", $"Data Source={file};Pooling=True;Default Timeout=60");
}

/// <summary>
/// The app's own service collection (the same <c>AddEvalBot</c> the host uses), configured with the benchmark's database
/// and a fixed clock. The host is built, not started: no Kestrel, no Quartz, no outbox sender, so only the code under
/// measurement touches the database.
/// </summary>
public static class BenchHost
{
    public static WebApplication Build(BenchDatabase database, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Benchmark",
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:EvalBot"] = database.ConnectionString,
            ["Scheduling:Enabled"] = "false",
            ["EvalBot:SeedDemo"] = "false",
            ["Admin:ApiKey"] = "",
        });
        builder.Logging.ClearProviders();
        builder.AddEvalBot();
        builder.Services.AddSingleton<TimeProvider>(new FixedTime(now));
        return builder.Build();
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.MigrateAsync();
    }

    /// <summary>Peak resident set size of this process (VmHWM), in MiB; 0 where /proc is not available.</summary>
    public static double PeakRssMiB()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return 0;
        foreach (var line in File.ReadLines(status))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            return kb / 1024.0;
        }

        return 0;
    }
}
