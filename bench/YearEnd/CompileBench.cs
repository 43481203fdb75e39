using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EvalBot.Features.Classification;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DomainPeriod = EvalBot.Domain.Records.Period;

namespace EvalBot.Bench.YearEnd;

/// <summary>One compile, as the child process measured it.</summary>
public sealed record CompileRun(double Seconds, double PeakMiB, double AllocatedMiB, int Changed, int Units, int Gen2, double CpuSeconds = 0, double GcPauseSeconds = 0);

/// <summary>
/// Benchmark 3: the year-end compile (<see cref="AnnualCompiler.CompileAsync"/>, what <c>POST /admin/years/{year}/compile</c>
/// and the Quartz job run) on N people × 4 quarters × 5 products. Each run starts from no drafts, runs the compile in a fresh
/// child process (wall time and that process's peak RSS), and is paired with one SQL aggregate over the same rows.
/// </summary>
public static class CompileBench
{
    public const int Year = 2026;

    /// <summary>1 December 08:00 in Vietnam, when the scheduled compile fires.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var people = options.Number("people", 100_000);
        var runs = options.Number("runs", 3);
        var provider = options.Text("provider", "sqlite");
        var server = Databases.PostgresServer(options);
        if (provider == "postgres" && server is null)
        {
            Console.WriteLine("PostgreSQL skipped: set EVALBOT_BENCH_POSTGRES (or pass --postgres) to a connection string of a role with CREATEDB.");
            return 0;
        }

        var name = $"evalbot_bench_yearend_{people}";
        var (database, fill) = await Databases.PrepareAsync(provider, name, server, options.Flag("reuse"));
        long rows;
        await using (var app = BenchHost.Build(database, Now))
        {
            if (fill)
            {
                var clock = Stopwatch.StartNew();
                await BenchHost.MigrateAsync(app.Services);
                var periods = Enumerable.Range(1, 4).Select(q => new DomainPeriod(Year, EvalBot.Domain.Records.PeriodKind.Quarter, q, "")).ToList();
                var org = await new OrgGenerator(app.Services).WriteAsync(new GenerationOptions(people, 50, 8, 5, periods, LastOpen: false));
                Console.Error.WriteLine($"generated {org.People:N0} people, {org.Units:N0} units, {org.Agencies} agencies, {org.Rows:N0} rows in {clock.Elapsed.TotalSeconds:F0} s ({provider})");
            }

            rows = await RowsReadAsync(app.Services);
        }

        var results = new List<(CompileRun Run, double Aggregate)>();
        for (var run = 1; run <= runs; run++)
        {
            await using (var app = BenchHost.Build(database, Now))
            {
                await ResetAsync(app.Services);
            }

            var aggregate = await AggregateAsync(database);
            var result = await ChildRunAsync(database);
            Console.Error.WriteLine(FormattableString.Invariant(
                $"run {run}: compile {result.Seconds:F2} s, peak {result.PeakMiB:F0} MiB, allocated {result.AllocatedMiB:F0} MiB, gen2 {result.Gen2}, CPU {result.CpuSeconds:F1} s, GC pauses {result.GcPauseSeconds:F1} s, {result.Changed:N0} written, SQL aggregate {aggregate:F2} s"));
            results.Add((result, aggregate));
        }

        if (!options.Flag("keep")) await Databases.DropAsync(database, server);
        Print(provider, people, rows, results);
        return 0;
    }

    /// <summary>The child: one compile in a fresh process, printed as one JSON line.</summary>
    public static async Task<int> ChildAsync(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = new BenchDatabase(options.Text("provider", "sqlite"), options.Text("connection") ?? throw new ArgumentException("--connection"));
        await using var app = BenchHost.Build(database, Now);
        await using var scope = app.Services.CreateAsyncScope();
        var compiler = scope.ServiceProvider.GetRequiredService<AnnualCompiler>();
        scope.ServiceProvider.GetRequiredService<EvalBotDbContext>().Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = await compiler.CompileAsync(Year, "system", CancellationToken.None);
        clock.Stop();
        var run = new CompileRun(clock.Elapsed.TotalSeconds, BenchHost.PeakRssMiB(), (GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1048576.0,
            report.Changed, report.Units.Count, GC.CollectionCount(2) - gen2,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, (GC.GetTotalPauseDuration() - pause).TotalSeconds);
        // --report <file>: the compile's report as JSON, to compare two builds' results on the same database.
        if (options.Text("report") is { } reportFile) await File.WriteAllTextAsync(reportFile, JsonSerializer.Serialize(report));
        Console.WriteLine(JsonSerializer.Serialize(run));
        return 0;
    }

    private static async Task<CompileRun> ChildRunAsync(BenchDatabase database)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(CompileBench).Assembly.Location);
        foreach (var a in new[] { "compile-run", "--provider", database.Provider, "--connection", database.ConnectionString }) start.ArgumentList.Add(a);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The compile process did not start.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"The compile process failed ({child.ExitCode}).");
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonSerializer.Deserialize<CompileRun>(line) ?? throw new InvalidOperationException("No result from the compile process.");
    }

    /// <summary>
    /// Back to "never compiled": the year's drafts and the cards they queued (the heads' decision cards and everyone's
    /// self-assessment invitation) are removed, so every run is the year's first compile (the audit log is append-only and
    /// stays). Before 2026-12-07 the invitations stayed, and runs on a reused database skipped their 100,000 cards.
    /// </summary>
    private static async Task ResetAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM classifications WHERE \"Year\" = {Year}");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM outbox WHERE \"Kind\" IN ('classification.decision', 'classification.selfassess')");
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE classifications, outbox");
        else await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>The year's rows the compile reads: active people, current confirmed reports, their lines, the year's targets.</summary>
    private static async Task<long> RowsReadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var prefix = Year.ToString(CultureInfo.InvariantCulture) + "-";
        var people = await db.People.CountAsync(p => p.IsActive);
        var reports = db.CheckInReports.Where(r => r.IsCurrent && r.Period.StartsWith(prefix) && (r.Status == EvalBot.Persistence.Entities.CheckInStatus.Confirmed || r.Status == EvalBot.Persistence.Entities.CheckInStatus.Adjusted));
        var reportCount = await reports.CountAsync();
        var lineCount = await reports.SelectMany(r => r.Lines).CountAsync();
        var targets = await db.Targets.CountAsync(t => t.Period.StartsWith(prefix));
        return people + reportCount + lineCount + targets;
    }

    /// <summary>
    /// The floor: one SQL statement reading the same rows once, a GROUP BY person over the year's current confirmed reports,
    /// their lines and targets, every result row read by the client. Run in the parent just before the child, on its own connection.
    /// </summary>
    public static async Task<double> AggregateAsync(BenchDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var app = BenchHost.Build(database, Now);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandTimeout = 600;
        command.CommandText = $"""
            SELECT p."Id", COUNT(*), SUM(l."Done"), SUM(l."QualityOk"), SUM(l."OnTime"), SUM(t."Quantity"), SUM(LENGTH(COALESCE(r."ConfirmedGeneralJson", r."GeneralJson")))
            FROM people p
            JOIN checkin_reports r ON r."PersonId" = p."Id"
            JOIN checkin_lines l ON l."ReportId" = r."Id"
            JOIN targets t ON t."Id" = l."TargetId"
            WHERE p."IsActive" AND r."IsCurrent" AND r."Period" LIKE '{Year}-%' AND r."Status" IN (2, 3)
            GROUP BY p."Id"
            """;
        var clock = Stopwatch.StartNew();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var count = 0;
            while (await reader.ReadAsync())
            {
                _ = reader.GetValue(2);
                count++;
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static void Print(string provider, int people, long rows, List<(CompileRun Run, double Aggregate)> results)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        if (results.Count == 0) return;
        var wall = results.Select(r => r.Run.Seconds).ToList();
        var peak = results.Select(r => r.Run.PeakMiB).ToList();
        var aggregate = results.Select(r => r.Aggregate).ToList();
        var ratio = results.Select(r => r.Run.Seconds / r.Aggregate).ToList();
        Console.WriteLine("| provider | people | rows read | compile wall s, median [min–max] | peak MiB, median [min–max] | SQL aggregate s, median | ratio, median [min–max] | runs |");
        Console.WriteLine("|---|---:|---:|---|---|---:|---|---:|");
        Console.WriteLine(FormattableString.Invariant(
            $"| {provider} | {people:N0} | {rows:N0} | {Median(wall):F2} [{wall.Min():F2}–{wall.Max():F2}] | {Median(peak):F0} [{peak.Min():F0}–{peak.Max():F0}] | {Median(aggregate):F2} | {Median(ratio):F1}× [{ratio.Min():F1}–{ratio.Max():F1}] | {results.Count} |"));
    }
}
