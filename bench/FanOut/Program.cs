using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Bench.FanOut;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

// Benchmark 2: a check-in campaign to N people, delivered through EvalBot's outbox to a fake Teams that enforces
// Teams' limits (or none, for EvalBot's own ceiling). Usage: fanout [--people N] [--limits on|off] [--concurrency C]
var people = IntArg("--people", 100_000);
var limits = !string.Equals(Arg("--limits", "on"), "off", StringComparison.OrdinalIgnoreCase);
var concurrency = IntArg("--concurrency", 8);
const string Period = "2026-Q4";

var folder = Path.Combine(Path.GetTempPath(), "evalbot-fanout-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var database = Path.Combine(folder, "evalbot.db");
try
{
    await using var teams = await LimitedTeams.StartAsync(limits);
    var seed = Stopwatch.StartNew();
    await Seeder.SeedAsync(database, people, Period, teams.ServiceUrl, TimeProvider.System.GetUtcNow());
    Console.Error.WriteLine($"seeded {people} people in {seed.Elapsed.TotalSeconds:0.0} s");

    // Every hour of every day is a working hour for the run, so the campaign sends whenever it is started.
    var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
    var settings = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__EvalBot"] = $"Data Source={database}",
        ["EvalBot__SeedDemo"] = "false",
        ["Admin__ApiKey"] = BotChild.AdminKey,
        ["Scheduling__Enabled"] = "false",
        ["Campaigns__WorkingHoursStart"] = "00:00",
        ["Campaigns__WorkingHoursEnd"] = "23:59",
        ["Delivery__Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
        ["Delivery__TenantRequestsPerSecond"] = limits ? "48" : "0",
        ["Delivery__EnforceConversationLimits"] = limits ? "true" : "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Polly"] = "Critical",
        ["DOTNET_PerfMapEnabled"] = Environment.GetEnvironmentVariable("DOTNET_PerfMapEnabled") ?? "0",
        ["DOTNET_EnableWriteXorExecute"] = Environment.GetEnvironmentVariable("DOTNET_EnableWriteXorExecute") ?? "1",
    };
    for (var d = 0; d < 7; d++)
    {
        settings[$"Calendar__ExtraWorkingDays__{d}"] = today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    await using var bot = await BotChild.StartAsync(settings);
    Console.Error.WriteLine($"bot pid {bot.ProcessId}");
    var cpuBefore = bot.CpuSeconds();
    var open = Stopwatch.StartNew();
    using var response = await bot.Http.PostAsync(new Uri($"admin/periods/{Period}/open", UriKind.Relative), null);
    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
    open.Stop();
    response.EnsureSuccessStatusCode();
    var queued = (int)body!["queued"]!;
    Console.Error.WriteLine($"opened in {open.Elapsed.TotalSeconds:0.0} s: queued {queued}, skipped {body["skipped"]}");

    // Delivered when every queued prompt arrived; given up after a minute without progress.
    var lastProgress = Stopwatch.StartNew();
    var seen = 0;
    while (teams.Accepted < queued && lastProgress.Elapsed < TimeSpan.FromMinutes(1))
    {
        await Task.Delay(250);
        if (teams.Accepted != seen)
        {
            seen = teams.Accepted;
            lastProgress.Restart();
        }
    }

    var cpuAfter = bot.CpuSeconds();
    await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would arrive now
    var arrivals = teams.AcceptedSeconds();
    var elapsed = arrivals.Count > 1 ? arrivals[^1] - arrivals[0] : double.NaN;
    var rate = arrivals.Count > 1 ? (arrivals.Count - 1) / elapsed : double.NaN;
    var windows = WindowRates(arrivals, 10);
    var duplicated = teams.PerConversation.Values.Sum(n => n - 1);
    var lost = queued - teams.PerConversation.Count;

    await using var db = new SqliteEvalBotDbContext(new DbContextOptionsBuilder<SqliteEvalBotDbContext>().UseSqlite($"Data Source={database}").Options);
    var byStatus = await db.Outbox.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
    string Status(OutboxStatus s) => (byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0).ToString(CultureInfo.InvariantCulture);

    var c = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(c, $"| limits | people | queued | open s | delivered | msg/s overall | msg/s per 10 s: median [min–max] | ÷ allowed (50/s) | 429s | lost | duplicated | outbox sent/failed/pending | bot CPU ms per message |"));
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    Console.WriteLine(string.Create(c,
        $"| {(limits ? "Teams limits" : "off")} | {people} | {queued} | {open.Elapsed.TotalSeconds:0.0} | {arrivals.Count} | {rate:0.0} | {Median(windows):0.0} [{windows.DefaultIfEmpty().Min():0.0}–{windows.DefaultIfEmpty().Max():0.0}] | " +
        $"{(limits ? (rate / LimitedTeams.AppPerSecond).ToString("0.000", c) : "–")} | {teams.Throttled} | {lost} | {duplicated} | {Status(OutboxStatus.Sent)}/{Status(OutboxStatus.Failed)}/{Status(OutboxStatus.Pending)} | {(cpuAfter - cpuBefore) * 1000 / Math.Max(1, arrivals.Count):0.00} |"));
    return lost == 0 && duplicated == 0 ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int IntArg(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

// Messages per second in each whole window of the delivery, first arrival to last.
static List<double> WindowRates(IReadOnlyList<double> arrivals, double seconds)
{
    var rates = new List<double>();
    if (arrivals.Count < 2)
    {
        return rates;
    }

    var index = 0;
    for (var from = arrivals[0]; from + seconds <= arrivals[^1]; from += seconds)
    {
        var n = 0;
        while (index < arrivals.Count && arrivals[index] < from + seconds)
        {
            n++;
            index++;
        }

        rates.Add(n / seconds);
    }

    return rates;
}

static double Median(List<double> values)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
