using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.PeerFeedback;

/// <summary>
/// End to end through the Microsoft 365 Agents Playground with the demo organisation: Megan Bowen (a leader) is
/// reviewed upward by Alex, Adele and Isaiah. Requests go out, answers are stored, Megan sees nothing until the period
/// has closed with three answers, and then only aggregates.
/// </summary>
public sealed class FeedbackPlaygroundTests : IAsyncLifetime
{
    private const string AdminKey = "playground-admin-key";
    private const string Period = "2026-Q4";

    // Each person is a Teams client of their own: one Playground per user (demo/playground/<name>.yml).
    private static readonly (string ExternalId, string UserId, string? Config)[] People =
    [
        ("P-ALEX", "user-id-0", null),
        ("P-MEGAN", "user-id-1", "megan.yml"),
        ("P-ADELE", "user-id-2", "adele.yml"),
        ("P-ISAIAH", "user-id-3", "isaiah.yml"),
    ];

    private readonly Dictionary<string, AgentsPlayground> _clients = [];
    private EvalBotFactory _bot = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        var port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(
            new Dictionary<string, string?>
            {
                ["EvalBot:SeedDemo"] = "true",
                ["Admin:ApiKey"] = AdminKey,
                ["Scheduling:Enabled"] = "false",
                // Only four demo people of the unit are reachable in Teams, so each is asked about most of the unit's seven.
                ["PeerFeedback:MaxRequestsPerReviewer"] = "8",
            },
            // A working day in Hà Nội, so the test does not depend on when it runs.
            services => services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero))));
        _bot.UseKestrel(port);
        _bot.StartServer();
        _admin = _bot.CreateClient();
        _admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        foreach (var (externalId, _, config) in People)
        {
            var path = config is null ? null : Path.Combine(RepoPaths.Root, "demo", "playground", config);
            _clients[externalId] = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages", path);
        }
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        foreach (var client in _clients.Values)
        {
            await client.DisposeAsync();
        }

        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Requests_go_out_answers_are_stored_and_the_subject_sees_only_aggregates_after_the_threshold()
    {
        foreach (var client in _clients.Values)
        {
            await _bot.InstallAsync(client);
        }

        (await _admin.PostAsync($"/admin/periods/{Period}/open", null)).EnsureSuccessStatusCode();
        (await _admin.PostAsync($"/admin/feedback/{Period}/open", null)).EnsureSuccessStatusCode();

        var megan = await PersonAsync("P-MEGAN");
        var requests = await _bot.QueryAsync(db => db.Set<FeedbackRequest>().Where(r => r.Period == Period && r.SubjectPersonId == megan.Id).ToListAsync());
        Assert.Equal(3, requests.Count);

        // Each reviewer gets one card for the round, in their own Teams client, listing every colleague they are asked
        // about; in the outbox, each person has exactly one check-in card and at most one feedback card for the period.
        var roundCards = new Dictionary<string, string>();
        foreach (var (externalId, _, _) in People.Where(p => p.ExternalId != "P-MEGAN"))
        {
            roundCards[externalId] = await NextCardIdAsync(_clients[externalId], "feedback.open");
        }

        var all = await _bot.QueryAsync(db => db.Set<FeedbackRequest>().Where(r => r.Period == Period).ToListAsync());
        var rows = await _bot.QueryAsync(db => db.Outbox.Where(o => o.Period == Period).ToListAsync());
        var reached = 0;
        foreach (var reviewer in all.GroupBy(r => r.ReviewerPersonId))
        {
            // A reviewer on recorded leave gets neither card; everyone else gets one of each.
            var cards = rows.Where(o => o.PersonId == reviewer.Key && o.Kind == "feedback.request").ToList();
            Assert.True(cards.Count <= 1, $"{cards.Count} feedback cards to person {reviewer.Key}");
            if (cards.Count == 1)
            {
                reached++;
                Assert.Single(rows, o => o.PersonId == reviewer.Key && o.Kind == "checkin.prompt");
                Assert.All(reviewer, r => Assert.Contains($"\"feedback.open\",\"data\":{{\"requestId\":\"{r.Id}\"}}", cards[0].ActivityJson, StringComparison.Ordinal));
            }
        }

        Assert.True(reached >= roundCards.Count);

        var meganClient = _clients["P-MEGAN"];
        await meganClient.SendTextAsync("góp ý");
        var meganCard = await NextCardIdAsync(meganClient, "feedback.view");

        var answered = 0;
        JsonObject? beforeThreshold = null;
        foreach (var (externalId, userId, _) in People.Where(p => p.ExternalId != "P-MEGAN"))
        {
            var client = _clients[externalId];
            var reviewer = await PersonAsync(externalId);
            var request = requests.Single(r => r.ReviewerPersonId == reviewer.Id);
            // Megan's button on the round card opens her feedback form, which the reviewer submits.
            var roundCard = roundCards[externalId];
            var opened = await client.ExecuteAsync(roundCard, "feedback.open", new JsonObject { ["requestId"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, userId);
            Assert.Contains("feedback.submit", opened.Readable(), StringComparison.Ordinal);
            Assert.Contains(megan.FullName, opened.Readable(), StringComparison.Ordinal);
            var data = FeedbackHost.Answer(request.Id, strengths: $"Lắng nghe tốt {answered}", improvements: "[x](https://evil) <at>Boss</at>");
            var answer = await client.ExecuteAsync(roundCard, "feedback.submit", data, userId);
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
            answered++;
            if (answered == 2)
            {
                beforeThreshold = await meganClient.ExecuteAsync(meganCard, "feedback.view", new JsonObject { ["scope"] = Period }, "user-id-1");
            }
        }

        var stored = await _bot.QueryAsync(db => db.Set<FeedbackRequest>().CountAsync(r => r.SubjectPersonId == megan.Id && r.Status == FeedbackStatus.Answered));
        var stillOpen = await meganClient.ExecuteAsync(meganCard, "feedback.view", new JsonObject { ["scope"] = Period }, "user-id-1");
        (await _admin.PostAsync($"/admin/periods/{Period}/close", null)).EnsureSuccessStatusCode();
        var after = await meganClient.ExecuteAsync(meganCard, "feedback.view", new JsonObject { ["scope"] = Period }, "user-id-1");

        Assert.Equal(3, stored);
        Assert.DoesNotContain("Lắng nghe tốt", beforeThreshold!.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("Lắng nghe tốt", stillOpen.Readable(), StringComparison.Ordinal);
        var shown = after["value"]!.Readable();
        Assert.Contains("Lắng nghe tốt 0", shown, StringComparison.Ordinal);
        Assert.Contains("Lắng nghe tốt 2", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Adele", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Isaiah", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", shown, StringComparison.Ordinal);
    }

    private Task<Person> PersonAsync(string externalId) => _bot.QueryAsync(db => db.People.SingleAsync(p => p.ExternalId == externalId));

    /// <summary>The id of the next card the bot posts to that client carrying <paramref name="verb"/> (other messages are passed over).</summary>
    private static async Task<string> NextCardIdAsync(AgentsPlayground client, string verb)
    {
        while (true)
        {
            var message = await client.NextBotMessageAsync(TimeSpan.FromSeconds(60));
            if (message["message"]?["attachments"]?[0]?["content"].Readable().Contains(verb, StringComparison.Ordinal) == true)
            {
                return (string)message["message"]!["messageId"]!;
            }
        }
    }
}
