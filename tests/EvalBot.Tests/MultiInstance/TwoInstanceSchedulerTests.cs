using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace EvalBot.Tests.MultiInstance;

/// <summary>
/// Two bot processes started at the same moment on an empty PostgreSQL database (both migrate, both provision the
/// Quartz tables, both register the same triggers) run the scheduled jobs once cluster-wide: the annual compile on a
/// cron firing every 5 seconds and the campaign tick every 10 seconds, both triggers held by both instances.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class TwoInstanceSchedulerTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int People = 60;
    private const string CompileStarts = "Calling Execute on job classification.annual-compile";
    private const string TickOpens = "on schedule";
    private const string FireOf = "starting for the fire of ";

    [Fact]
    public async Task The_annual_compile_and_the_campaign_tick_fire_once_cluster_wide_on_two_instances()
    {
        await using var teams = await FakeTeamsConnector.StartAsync();
        var settings = Cluster.Settings(postgres.ConnectionString, new Dictionary<string, string>
        {
            ["Classification__CompileCron"] = "0/5 * * * * ?",
            ["Campaigns__TickInterval"] = "00:00:10",
            // The quarter before this one is due to open on schedule now: its planned window reaches far ahead.
            ["Campaigns__CloseDay"] = "150",
            ["Logging__LogLevel__Quartz.Core.JobRunShell"] = "Debug",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fff ",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
        });
        var started = await Task.WhenAll(BotProcess.StartAsync("A", settings), BotProcess.StartAsync("B", settings));
        await using var a = started[0];
        await using var b = started[1];

        // Until now nobody was in the organisation, so every run found nothing to do. From here, each fire has work.
        var conversations = await Cluster.SeedAsync(postgres, People, teams.ServiceUrl, Cluster.PastQuarter(1));
        var since = Count(a, b, CompileStarts);
        await Cluster.UntilAsync(
            async () => Count(a, b, CompileStarts) >= since + 4 && await CampaignSettledAsync(),
            TimeSpan.FromMinutes(4), "four compiles and the scheduled campaign opening", a, b);

        await using var db = Cluster.Db(postgres);
        var year = await db.Set<ClassificationRecord>().Select(r => r.Year).Distinct().SingleAsync();
        var records = await db.Set<ClassificationRecord>().AsNoTracking().ToListAsync();
        var compiled = await db.AuditLog.CountAsync(e => e.Action == "classification.compile");
        var campaigns = await db.CheckInCampaigns.AsNoTracking().ToListAsync();
        var opens = await db.AuditLog.CountAsync(e => e.EntityType == "checkin_campaign" && e.Action == "campaign.open");
        var queued = await db.Outbox.CountAsync(o => o.Kind == "checkin.prompt");
        var decisions = await db.Outbox.Where(o => o.Kind == "classification.decision").GroupBy(o => o.DedupeKey).Select(g => g.Count()).ToListAsync();
        var prompts = Cluster.PostsPerConversation(teams, "checkin.submit");
        var cards = Cluster.PostsPerConversation(teams, "classification.approve");
        var starts = Starts(a, CompileStarts).Select(t => (t, "A")).Concat(Starts(b, CompileStarts).Select(t => (t, "B"))).OrderBy(s => s.t).ToList();
        var gaps = starts.Zip(starts.Skip(1), (x, y) => (y.t - x.t).TotalSeconds).ToList();
        var fires = Fires(a).Select(f => (f, "A")).Concat(Fires(b).Select(f => (f, "B"))).OrderBy(f => f.f, StringComparer.Ordinal).ToList();
        using var jobs = await a.Http.GetAsync(new Uri("admin/jobs", UriKind.Relative));
        var jobsView = await jobs.Content.ReadFromJsonAsync<JsonObject>();
        output.WriteLine($"compile runs: {starts.Count} ({starts.Count(s => s.Item2 == "A")} on A, {starts.Count(s => s.Item2 == "B")} on B), smallest gap {(gaps.Count == 0 ? 0 : gaps.Min()):0.0} s ({string.Join(", ", starts.Select(s => $"{s.t:HH:mm:ss.f} {s.Item2}"))}); fires served: {string.Join(", ", fires)}; " +
            $"decision cards: {cards.Values.Sum()}; campaign {campaigns.SingleOrDefault()?.Period} opened on schedule by A {Count(a, TickOpens)} / B {Count(b, TickOpens)} times; {records.Count} classification rows for {year}");

        // The compile: one draft per person, one audit entry per person, one decision card per head, whatever the runs.
        Assert.Equal(People, records.Count);
        Assert.Equal(People, records.Select(r => r.PersonId).Distinct().Count());
        Assert.Equal(People, compiled);
        Assert.All(decisions, d => Assert.Equal(1, d));
        Assert.All(cards, c => Assert.Equal(1, c.Value));
        // Each fire ran once across the two instances (a fire delayed behind the run before it may start a moment after
        // that run, on the same instance or the other: its scheduled time tells it apart).
        Assert.True(fires.Count >= 4, $"{fires.Count} fires logged");
        Assert.True(fires.Select(f => f.f).Distinct(StringComparer.Ordinal).Count() == fires.Count, $"a fire ran twice: {string.Join(", ", fires)}");

        // The campaign tick: one campaign opened once, one prompt per person.
        Assert.Single(campaigns);
        Assert.Equal(1, opens);
        Assert.Equal(1, Count(a, b, TickOpens));
        Assert.Equal(People, queued);
        Assert.Equal(People, prompts.Count(p => conversations.ContainsValue(p.Key)));
        Assert.All(prompts, p => Assert.Equal(1, p.Value));
        Assert.Equal("EvalBot", (string?)jobsView!["scheduler"]);
    }

    private async Task<bool> CampaignSettledAsync()
    {
        await using var db = Cluster.Db(postgres);
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync();
        return campaign?.PromptsQueuedAt is not null
            && await db.Outbox.CountAsync(o => o.Kind == "checkin.prompt" && o.Status == OutboxStatus.Sent) == People;
    }

    private static int Count(BotProcess bot, string text) => bot.Count(l => l.Contains(text, StringComparison.Ordinal));

    private static int Count(BotProcess a, BotProcess b, string text) => Count(a, text) + Count(b, text);

    /// <summary>The scheduled fire each compile run served, as the job logs it.</summary>
    private static IEnumerable<string> Fires(BotProcess bot) =>
        bot.Output.Where(l => l.Contains(FireOf, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(FireOf, StringComparison.Ordinal) + FireOf.Length)..].Trim());

    /// <summary>When each run started, from the timestamp that begins the log line.</summary>
    private static IEnumerable<DateTime> Starts(BotProcess bot, string text) =>
        bot.Output.Where(l => l.Contains(text, StringComparison.Ordinal))
            .Select(l => DateTime.ParseExact(l[..23], "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture));
}
