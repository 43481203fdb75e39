using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Conversation;
using EvalBot.Features.Classification;
using EvalBot.Persistence;
using EvalBot.Protocol;
using Activity = EvalBot.Protocol.Activity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DomainPeriod = EvalBot.Domain.Records.Period;
using PeriodKind = EvalBot.Domain.Records.PeriodKind;

namespace EvalBot.Bench.YearEnd;

/// <summary>
/// Benchmark 4: the unit summary (<c>đơn vị</c>) of a 1,000-person agency with three years of history, as a whole turn:
/// the message activity from the agency head goes through <see cref="TurnProcessor"/> (the turn's transaction, routing,
/// <c>UnitCommand</c>, the card, the reply in the outbox, the audit entry and the processed mark), in a fresh DI scope per
/// request as an HTTP request would have. Latency percentiles over many repetitions after a warm-up.
/// </summary>
public static class SummaryBench
{
    /// <summary>20 October 2026, 10:00 in Vietnam: the Q3 campaign is open, Q1–Q2 are confirmed, 2024 and 2025 are history.</summary>
    public static readonly DateTimeOffset Now = new(2026, 10, 20, 3, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var people = options.Number("people", 10_000);
        var runs = options.Number("runs", 200);
        var warmup = options.Number("warmup", 30);
        var provider = options.Text("provider", "sqlite");
        // The command the agency head types: the unit summary by default; "xếp loại" after --compiled times their
        // decision list, the competent level's cases and the classification list (December's classification turn).
        var command = options.Text("text", "đơn vị");
        var server = Databases.PostgresServer(options);
        if (provider == "postgres" && server is null)
        {
            Console.WriteLine("PostgreSQL skipped: set EVALBOT_BENCH_POSTGRES (or pass --postgres) to a connection string of a role with CREATEDB.");
            return 0;
        }

        var (database, fill) = await Databases.PrepareAsync(
            provider, $"evalbot_bench_summary_{people}{(options.Flag("compiled") ? "_compiled" : "")}", server, options.Flag("reuse"));
        await using var app = BenchHost.Build(database, Now);
        var periods = new List<DomainPeriod>();
        foreach (var year in new[] { 2024, 2025 }) periods.AddRange(Enumerable.Range(1, 4).Select(q => new DomainPeriod(year, PeriodKind.Quarter, q, "")));
        periods.AddRange(Enumerable.Range(1, 3).Select(q => new DomainPeriod(2026, PeriodKind.Quarter, q, "")));
        // Teams of 25 under 8 departments: an agency of 1 + 8 × (1 + 5 × 25) = 1,009 people.
        var generation = new GenerationOptions(people, 25, 8, 5, periods, LastOpen: true);
        if (fill) await BenchHost.MigrateAsync(app.Services);
        var clock = Stopwatch.StartNew();
        var org = fill ? await new OrgGenerator(app.Services).WriteAsync(generation) : await DescribeAsync(app.Services);
        if (fill) Console.Error.WriteLine($"generated {org.People:N0} people, {org.Units:N0} units, {org.Rows:N0} rows in {clock.Elapsed.TotalSeconds:F0} s ({provider})");

        if (options.Flag("compiled"))
        {
            // December's case (--compiled): the year compiled, a draft with its explanation stored for everyone in the
            // organisation, as when leaders look at their units after the year-end compile. Idempotent with --reuse.
            await using var scope = app.Services.CreateAsyncScope();
            var compile = await scope.ServiceProvider.GetRequiredService<AnnualCompiler>().CompileAsync(Now.Year, "system", CancellationToken.None);
            Console.Error.WriteLine($"compiled {Now.Year}: {compile.Changed:N0} drafts written");
        }

        // Activity ids unique to this process: a reused database (--reuse) holds the processed marks of earlier runs,
        // and a repeated id would be answered as a duplicate without doing the work.
        // Who types it (--as): the head of the first agency, or a member of the organisation board (their board card,
        // "quản trị", counts every unit of the organisation).
        var who = options.Text("as", "head");
        var sender = who switch
        {
            "head" => org.FirstAgencyHeadAad,
            "board" => await BoardMemberAsync(app.Services),
            _ => throw new ArgumentException($"--as must be 'head' or 'board' (got '{who}')."),
        };
        var run = Guid.NewGuid().ToString("N")[..8];
        var processed = 0;
        async Task<double> OnceAsync()
        {
            var id = $"bench-{run}-{++processed}";
            var activity = JsonSerializer.Deserialize<Activity>(Message(sender, id, command), ProtocolJson.Options)!;
            var start = Stopwatch.GetTimestamp();
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TurnProcessor>().ProcessAsync(activity, CancellationToken.None);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        for (var i = 0; i < warmup; i++) await OnceAsync();
        await CheckAsync(app.Services, org, command);
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++) times.Add(await OnceAsync());
        await app.DisposeAsync();
        if (!options.Flag("keep")) await Databases.DropAsync(database, server);

        times.Sort();
        double P(double q) => times[Math.Clamp((int)Math.Ceiling(q * times.Count) - 1, 0, times.Count - 1)];
        Console.WriteLine("| provider | unit people | organisation people | p50 ms | p95 ms | p99 ms | max ms | runs (after warm-up) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(FormattableString.Invariant(
            $"| {provider}{(options.Flag("compiled") ? ", year compiled" : "")}{(command == "đơn vị" ? "" : $", '{command}'")}{(who == "head" ? "" : $", as {who}")} | {org.FirstAgencyPeople:N0} | {org.People:N0} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} | {times[^1]:F1} | {runs} (+{warmup}) |"));
        return 0;
    }

    private static string Message(string aad, string id, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = Now.ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = "http://127.0.0.1:9/teams/",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = "Giám đốc", ["aadObjectId"] = aad },
        ["recipient"] = new JsonObject { ["id"] = "28:evalbot-bench", ["name"] = "EvalBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:bench-" + aad, ["conversationType"] = "personal", ["tenantId"] = "00000000-0000-0000-0000-00000000b001" },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "vi-VN",
    }.ToJsonString();

    /// <summary>
    /// The last reply must be the summary card of the agency, with every one of its people counted; for another command,
    /// a card.
    /// </summary>
    private static async Task CheckAsync(IServiceProvider services, GeneratedOrganisation org, string command)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var last = await db.Outbox.AsNoTracking().OrderByDescending(o => o.Id).FirstAsync();
        var json = last.ActivityJson;
        if (command != "đơn vị")
        {
            if (!json.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The reply to '{command}' is not a card: " + json[..Math.Min(600, json.Length)]);
            }

            return;
        }

        var expected = org.FirstAgencyPeople.ToString(CultureInfo.InvariantCulture);
        if (!json.Contains("Sở Bench 1", StringComparison.Ordinal) || !json.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The reply is not the unit summary of the agency: " + json[..Math.Min(600, json.Length)]);
        }
    }

    /// <summary>The Entra object id of an active member of the organisation board.</summary>
    private static async Task<string> BoardMemberAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        return await db.People.AsNoTracking().Where(p => p.IsOrganisationBoard && p.IsActive && p.AadObjectId != null).OrderBy(p => p.Id)
            .Select(p => p.AadObjectId!).FirstAsync();
    }

    /// <summary>An existing database (<c>--reuse</c>): the same figures, read back.</summary>
    private static async Task<GeneratedOrganisation> DescribeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var agency = await db.Units.AsNoTracking().SingleAsync(u => u.ExternalId == "A001");
        var head = await db.People.AsNoTracking().SingleAsync(p => p.Id == agency.HeadPersonId);
        var units = await db.Units.AsNoTracking().ToListAsync();
        var ids = units.Where(u => u.Id == agency.Id || u.ExternalId.StartsWith("A001-", StringComparison.Ordinal)).Select(u => u.Id).ToList();
        return new GeneratedOrganisation(await db.People.CountAsync(), units.Count, units.Count(u => u.IsAgency) - 1, 0, head.AadObjectId!, agency.Id,
            await db.People.CountAsync(p => ids.Contains(p.UnitId)));
    }
}
