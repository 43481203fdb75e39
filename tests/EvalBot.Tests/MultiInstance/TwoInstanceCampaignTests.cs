using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace EvalBot.Tests.MultiInstance;

/// <summary>
/// A check-in campaign to 2,000 people served by two bot processes on one PostgreSQL database: every person gets
/// exactly one prompt, both instances send, and killing one (kill -9) in the middle leaves nobody prompted twice.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class TwoInstanceCampaignTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private const int People = 2000;
    private const int SenderConcurrency = 8;
    private static readonly string FirstPeriod = Cluster.PastQuarter(2);
    private static readonly string SecondPeriod = Cluster.PastQuarter(3);

    private FakeTeamsConnector _teams = null!;
    private Dictionary<long, string> _conversations = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        // The organisation is written once per class (the database is the class's); each test has its own fake Teams.
        await Cluster.MigrateAsync(postgres);
        _conversations = await Cluster.ConversationsAsync(postgres) is { Count: > 0 } seeded
            ? seeded
            : await Cluster.SeedAsync(postgres, People, _teams.ServiceUrl, FirstPeriod, SecondPeriod);
        await Cluster.UseTeamsAsync(postgres, _teams);
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private Dictionary<string, string> Settings() => Cluster.Settings(postgres.ConnectionString, new Dictionary<string, string>
    {
        ["Delivery__Concurrency"] = SenderConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The most sends in flight however Teams answers: what a killed instance can leave cut off.
        ["Delivery__MaxConcurrency"] = SenderConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Campaigns__TickInterval"] = "00:00:10",
        ["Campaigns__BatchSize"] = "50",
        // A campaign whose prompts are queued gets its peer-feedback round on the next feedback tick, a card to every
        // person as well; when that tick falls inside a test depends on the hour. These tests count prompts only.
        ["PeerFeedback__Enabled"] = "false",
    });

    [Fact]
    public async Task A_campaign_to_2000_people_opened_on_one_instance_prompts_everyone_exactly_once_from_both()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var started = await Task.WhenAll(BotProcess.StartAsync("A", Settings()), BotProcess.StartAsync("B", Settings()));
        await using var a = started[0];
        await using var b = started[1];
        output.WriteLine($"both instances ready after {clock.Elapsed}");

        using var response = await a.Http.PostAsync(new Uri($"admin/periods/{FirstPeriod}/open", UriKind.Relative), null);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}\n{a.Tail()}");
        // The other instance's campaign tick may take part in an opening still in progress; the dedupe keys share the work.
        output.WriteLine($"opened after {clock.Elapsed}: {body}".Split("\"skippedPeople\"")[0]);
        Assert.Equal(People, (int?)body!["queued"] + (int?)body["alreadyQueued"]);

        await Cluster.UntilAsync(() => SettledAsync(FirstPeriod, People), TimeSpan.FromMinutes(8), "every prompt to be sent", a, b);
        output.WriteLine($"all sent after {clock.Elapsed}");
        // This period's prompts: a test of the class that failed before this one may have left another period's prompts
        // queued, and those go out too.
        var posts = Cluster.PostsPerConversation(_teams, PeriodOf(FirstPeriod));
        var rows = await PromptsAsync(FirstPeriod);
        var report = await b.Http.GetFromJsonAsync<JsonObject>(new Uri($"admin/periods/{FirstPeriod}/deliveries", UriKind.Relative));
        var (sentByA, sentByB) = (Cluster.Sends(a), Cluster.Sends(b));
        output.WriteLine($"{People} prompts: instance A sent {sentByA}, instance B sent {sentByB}");

        Assert.Equal(People, rows.Count);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.Equal(People, posts.Count);
        Assert.All(_conversations.Values, c => Assert.Equal(1, posts.GetValueOrDefault(c)));
        Assert.Equal(People, (int?)report!["totals"]!["sent"]);
        Assert.Equal(People, sentByA + sentByB);
        Assert.True(sentByA > 0 && sentByB > 0, $"both instances should send: A {sentByA}, B {sentByB}");
    }

    [Fact]
    public async Task Killing_the_instance_that_opens_the_campaign_mid_way_prompts_nobody_twice_and_the_other_finishes()
    {
        var started = await Task.WhenAll(BotProcess.StartAsync("A", Settings()), BotProcess.StartAsync("B", Settings()));
        await using var a = started[0];
        await using var b = started[1];

        var opening = a.Http.PostAsync(new Uri($"admin/periods/{SecondPeriod}/open", UriKind.Relative), null);
        await Cluster.UntilAsync(() => Task.FromResult(Cluster.Sends(a) + Cluster.Sends(b) >= 100 || opening.IsCompleted), TimeSpan.FromMinutes(3), "prompts to be on their way", a, b);
        await UntilSendingAsync(a, TimeSpan.FromSeconds(60));
        var pendingAtKill = await CountAsync(SecondPeriod, o => o.Status == OutboxStatus.Pending);
        var queuedAtKill = await CountAsync(SecondPeriod, _ => true);
        var openedBeforeKill = opening.IsCompleted;
        a.Kill();
        var inFlightAtKill = await CountAsync(SecondPeriod, o => o.Status == OutboxStatus.Sending);
        if (!openedBeforeKill)
        {
            // The admin call dies with its instance; the opening is resumed by the campaign tick on the other one.
            await Assert.ThrowsAnyAsync<Exception>(async () => (await opening).EnsureSuccessStatusCode());
        }

        output.WriteLine($"killed A after it sent {Cluster.Sends(a)} (B {Cluster.Sends(b)}), opening finished: {openedBeforeKill}: {queuedAtKill} prompts queued, {pendingAtKill} pending, {inFlightAtKill} in flight");
        Assert.True(pendingAtKill > 0 || queuedAtKill < People, "A should be killed mid-campaign, with prompts still to queue or to send");

        // B resumes the opening on its next tick, sends what is pending, and settles A's cut-off sends after their lease.
        await Cluster.UntilAsync(() => SettledAsync(SecondPeriod, People), TimeSpan.FromMinutes(8), "the surviving instance to finish the campaign", b);
        var posts = Cluster.PostsPerConversation(_teams, PeriodOf(SecondPeriod));
        var rows = await PromptsAsync(SecondPeriod);
        var interrupted = rows.Where(r => r.Status == OutboxStatus.Failed && r.LastError?.StartsWith("Interrupted", StringComparison.Ordinal) == true).ToList();
        var receivedAnyway = interrupted.Count(r => posts.ContainsKey(_conversations[r.PersonId!.Value]));
        var report = await b.Http.GetFromJsonAsync<JsonObject>(new Uri($"admin/periods/{SecondPeriod}/deliveries", UriKind.Relative));
        output.WriteLine($"after the kill: A sent {Cluster.Sends(a)}, B sent {Cluster.Sends(b)}; {interrupted.Count} rows cut off in flight (marked failed \"interrupted\"), {receivedAnyway} of them had reached Teams");

        Assert.Equal(People, rows.Count);
        Assert.Equal(People, rows.Select(r => r.PersonId).Distinct().Count());
        Assert.All(posts, p => Assert.True(p.Value == 1, $"{p.Key} received {p.Value} prompts"));
        Assert.All(rows, r => Assert.True(
            (r.Status == OutboxStatus.Sent && posts.GetValueOrDefault(_conversations[r.PersonId!.Value]) == 1) || interrupted.Contains(r),
            $"person {r.PersonId}: {r.Status} {r.LastError}"));
        // Cut off: A's calls in flight (at most its sends in flight) that Teams never got, and A's rows Teams did get whose
        // "sent" mark was still waiting for its batched commit (README, "Deploy several instances"); only rows that were
        // sending when A died.
        Assert.InRange(interrupted.Count - receivedAnyway, 0, SenderConcurrency);
        Assert.InRange(interrupted.Count, 0, inFlightAtKill);
        Assert.Equal(rows.Count - interrupted.Count, rows.Count(r => r.Status == OutboxStatus.Sent));
        Assert.Equal(interrupted.Count, (int?)report!["totals"]!["failed"]);
    }

    /// <summary>What a check-in prompt of the period carries in its actions' data.</summary>
    private static string PeriodOf(string period) => $"\"period\":\"{period}\"";

    /// <summary>Waits (briefly) for a moment when A has prompts in flight, the worst moment to die; then returns anyway.</summary>
    private async Task UntilSendingAsync(BotProcess a, TimeSpan within)
    {
        var owner = $":{a.ProcessId}:";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var db = Cluster.Db(postgres);
        while (clock.Elapsed < within && !await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Sending && o.LeaseOwner!.Contains(owner)))
        {
            await Task.Delay(5);
        }
    }

    private async Task<bool> SettledAsync(string period, int expected)
    {
        await using var db = Cluster.Db(postgres);
        var rows = await db.Outbox.Where(o => o.Period == period && o.Kind == "checkin.prompt").GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return rows.Sum(r => r.Count) == expected && rows.All(r => r.Key is OutboxStatus.Sent or OutboxStatus.Failed);
    }

    private async Task<List<OutboxMessage>> PromptsAsync(string period)
    {
        await using var db = Cluster.Db(postgres);
        return await db.Outbox.AsNoTracking().Where(o => o.Period == period && o.Kind == "checkin.prompt").ToListAsync();
    }

    private async Task<int> CountAsync(string period, System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> where)
    {
        await using var db = Cluster.Db(postgres);
        return await db.Outbox.Where(o => o.Period == period && o.Kind == "checkin.prompt").Where(where).CountAsync();
    }
}
