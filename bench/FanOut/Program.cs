using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Bench.FanOut;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

// Benchmark 2: a check-in campaign to N people, and the peer-feedback round of the same period (each person's two
// messages due together), delivered through EvalBot's outbox to a fake Teams that enforces Teams' limits (or none, for
// EvalBot's own ceiling), answers each call in 100–300 ms and fails 1 % of them with 5xx or 412.
// Usage: fanout [--people N] [--limits on|off] [--concurrency C] [--max-concurrency M] [--latency MIN-MAX ms]
//               [--errors FRACTION] [--messages 1|2] [--rate R]
var people = IntArg("--people", 100_000);
var limits = !string.Equals(Arg("--limits", "on"), "off", StringComparison.OrdinalIgnoreCase);
var concurrency = IntArg("--concurrency", 8);
var maxConcurrency = IntArg("--max-concurrency", 64);
var latencyArg = Arg("--latency", "100-300").Split('-');
var latency = (Min: int.Parse(latencyArg[0], CultureInfo.InvariantCulture), Max: int.Parse(latencyArg[^1], CultureInfo.InvariantCulture));
var errors = double.Parse(Arg("--errors", "0.01"), CultureInfo.InvariantCulture);
var messages = IntArg("--messages", 2);
// EvalBot's pace (Delivery:TenantRequestsPerSecond): its own default unless given.
var pace = Arg("--rate", "");
const string Period = "2026-Q4";

var folder = Path.Combine(Path.GetTempPath(), "evalbot-fanout-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var database = Path.Combine(folder, "evalbot.db");
try
{
    await using var teams = await LimitedTeams.StartAsync(limits, latency, errors);
    var seed = Stopwatch.StartNew();
    await Seeder.SeedAsync(database, people, Period, teams.ServiceUrl, TimeProvider.System.GetUtcNow());
    Console.Error.WriteLine($"seeded {people} people in {seed.Elapsed.TotalSeconds:0.0} s");

    // Every day of the run is a working day, and its working hour is one to come: the campaign and the feedback round
    // are queued for that hour, then released together, each person's two messages one after the other, so the
    // delivery is timed on its own and the per-conversation windows see pairs.
    var local = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime;
    var today = DateOnly.FromDateTime(local);
    var hour = (local.Hour + 2) % 24;
    var settings = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__EvalBot"] = $"Data Source={database}",
        ["EvalBot__SeedDemo"] = "false",
        ["Admin__ApiKey"] = BotChild.AdminKey,
        ["Scheduling__Enabled"] = "false",
        ["Campaigns__WorkingHoursStart"] = $"{hour:00}:00",
        ["Campaigns__WorkingHoursEnd"] = hour == 23 ? "23:59" : $"{hour + 1:00}:00",
        ["Delivery__Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
        ["Delivery__MaxConcurrency"] = maxConcurrency.ToString(CultureInfo.InvariantCulture),
        ["Delivery__EnforceConversationLimits"] = limits ? "true" : "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Polly"] = "Critical",
        ["DOTNET_PerfMapEnabled"] = Environment.GetEnvironmentVariable("DOTNET_PerfMapEnabled") ?? "0",
        ["DOTNET_EnableWriteXorExecute"] = Environment.GetEnvironmentVariable("DOTNET_EnableWriteXorExecute") ?? "1",
    };
    if (!limits || pace.Length > 0)
    {
        settings["Delivery__TenantRequestsPerSecond"] = limits ? pace : "0";
    }

    for (var d = 0; d < 7; d++)
    {
        settings[$"Calendar__ExtraWorkingDays__{d}"] = today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    await using var bot = await BotChild.StartAsync(settings);
    Console.Error.WriteLine($"bot pid {bot.ProcessId}");
    var open = Stopwatch.StartNew();
    var queued = await OpenAsync(bot, $"admin/periods/{Period}/open");
    if (messages >= 2)
    {
        queued += await OpenAsync(bot, $"admin/feedback/{Period}/open");
    }

    open.Stop();
    Console.Error.WriteLine($"queued {queued} messages in {open.Elapsed.TotalSeconds:0.0} s");
    var expected = await ReleaseAsync(database);
    var cpuBefore = bot.CpuSeconds();

    // Delivered when every queued message arrived; given up after a minute without progress.
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
    var duplicated = teams.PerConversation.Sum(c => Math.Max(0, c.Value - expected.GetValueOrDefault(c.Key)));
    var lost = expected.Sum(c => Math.Max(0, c.Value - teams.PerConversation.GetValueOrDefault(c.Key)));

    await using var db = new SqliteEvalBotDbContext(new DbContextOptionsBuilder<SqliteEvalBotDbContext>().UseSqlite($"Data Source={database}").Options);
    var byStatus = await db.Outbox.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
    string Status(OutboxStatus s) => (byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0).ToString(CultureInfo.InvariantCulture);

    var c = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(c, $"| limits | in flight | latency ms | errors | people | queued | queue s | delivered | msg/s overall | msg/s per 10 s: median [min–max] | ÷ allowed (50/s) | 429s | 5xx/412 | lost | duplicated | outbox sent/failed/pending | bot CPU ms per message |"));
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    Console.WriteLine(string.Create(c,
        $"| {(limits ? "Teams limits" : "off")} | {(maxConcurrency > concurrency ? $"{concurrency}–{maxConcurrency}, adaptive" : $"{concurrency}, fixed")} | {(latency.Max > 0 ? $"{latency.Min}–{latency.Max}" : "0")} | {errors:0.##%} | {people} | {queued} | {open.Elapsed.TotalSeconds:0.0} | {arrivals.Count} | {rate:0.0} | {Median(windows):0.0} [{windows.DefaultIfEmpty().Min():0.0}–{windows.DefaultIfEmpty().Max():0.0}] | " +
        $"{(limits ? (rate / LimitedTeams.AppPerSecond).ToString("0.000", c) : "–")} | {teams.Throttled} | {teams.Failed} | {lost} | {duplicated} | {Status(OutboxStatus.Sent)}/{Status(OutboxStatus.Failed)}/{Status(OutboxStatus.Pending)} | {(cpuAfter - cpuBefore) * 1000 / Math.Max(1, arrivals.Count):0.00} |"));
    return lost == 0 && duplicated == 0 ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

// Runs an admin action that queues messages; the number queued.
static async Task<int> OpenAsync(BotChild bot, string path)
{
    using var response = await bot.Http.PostAsync(new Uri(path, UriKind.Relative), null);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
    }

    var body = JsonNode.Parse(text)!;
    Console.Error.WriteLine($"{path}: {text}");
    return (int)body["queued"]!;
}

// Makes every queued message due now, each person's messages next to each other in the sender's order (due time, then
// id); returns how many each conversation should receive.
static async Task<Dictionary<string, int>> ReleaseAsync(string database)
{
    await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
    await connection.OpenAsync();
    await using (var busy = connection.CreateCommand())
    {
        busy.CommandText = "PRAGMA busy_timeout = 10000;";
        await busy.ExecuteNonQueryAsync();
    }

    await using (var release = connection.CreateCommand())
    {
        // A campaign message names its recipient, not yet the chat: the chat is the one the bot has with that person.
        release.CommandText = """
            WITH ranked AS (SELECT "Id", DENSE_RANK() OVER (ORDER BY "RecipientAadObjectId") AS r FROM outbox WHERE "Status" = 0)
            UPDATE outbox SET "NextAttemptAt" = $now - (SELECT COUNT(*) FROM ranked) + ranked.r FROM ranked WHERE ranked."Id" = outbox."Id";
            """;
        release.Parameters.AddWithValue("$now", TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
        await release.ExecuteNonQueryAsync();
    }

    var expected = new Dictionary<string, int>(StringComparer.Ordinal);
    await using var count = connection.CreateCommand();
    count.CommandText = """
        SELECT COALESCE(c."ConversationId", o."ConversationId", ''), COUNT(*) FROM outbox o
        LEFT JOIN conversation_references c ON c."UserAadObjectId" = o."RecipientAadObjectId"
        GROUP BY 1;
        """;
    await using var reader = await count.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        expected[reader.GetString(0)] = reader.GetInt32(1);
    }

    return expected;
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
