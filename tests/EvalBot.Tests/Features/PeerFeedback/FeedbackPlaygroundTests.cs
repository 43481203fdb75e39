using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

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
    private EvalBotFactory _bot = null!;
    private AgentsPlayground _playground = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        var port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(new Dictionary<string, string?>
        {
            ["EvalBot:SeedDemo"] = "true",
            ["Admin:ApiKey"] = AdminKey,
            ["Scheduling:Enabled"] = "false",
            // Only four demo people of the unit are reachable in Teams, so each is asked about most of the unit's seven.
            ["PeerFeedback:MaxRequestsPerReviewer"] = "8",
        });
        _bot.UseKestrel(port);
        _bot.StartServer();
        _admin = _bot.CreateClient();
        _admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        _playground = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _playground.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact(Skip = "The Playground answers 400 to actions from a user other than its configured current user: the reviewers and Megan each need their own Playground (a config path per user), which the shared test support does not offer yet.")]
    public async Task Requests_go_out_answers_are_stored_and_the_subject_sees_only_aggregates_after_the_threshold()
    {
        await _playground.SendTextAsync("góp ý");
        var card = await NextCardAsync("feedback.view");
        (await _admin.PostAsync($"/admin/periods/{Period}/open", null)).EnsureSuccessStatusCode();
        (await _admin.PostAsync($"/admin/feedback/{Period}/open", null)).EnsureSuccessStatusCode();

        var megan = await PersonAsync("P-MEGAN");
        var requests = await _bot.QueryAsync(db => db.Set<FeedbackRequest>().Where(r => r.Period == Period && r.SubjectPersonId == megan.Id).ToListAsync());
        Assert.Equal(3, requests.Count);
        Assert.True(await _bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "feedback.request" && o.Period == Period)) >= 3);

        var users = new Dictionary<string, string> { ["P-ALEX"] = "user-id-0", ["P-ADELE"] = "user-id-2", ["P-ISAIAH"] = "user-id-3" };
        var answered = 0;
        JsonObject? beforeThreshold = null;
        foreach (var (externalId, userId) in users)
        {
            var reviewer = await PersonAsync(externalId);
            var request = requests.Single(r => r.ReviewerPersonId == reviewer.Id);
            var list = await _playground.ExecuteAsync(card, "feedback.list", new JsonObject { ["page"] = "1" }, userId);
            Assert.Contains("feedback.open", list["value"].Readable(), StringComparison.Ordinal);
            var listId = card;
            var data = FeedbackHost.Answer(request.Id, strengths: $"Lắng nghe tốt {answered}", improvements: "[x](https://evil) <at>Boss</at>");
            var answer = await _playground.ExecuteAsync(listId, "feedback.submit", data, userId);
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
            answered++;
            if (answered == 2)
            {
                beforeThreshold = await _playground.ExecuteAsync(listId, "feedback.view", new JsonObject { ["scope"] = Period }, "user-id-1");
            }
        }

        var stored = await _bot.QueryAsync(db => db.Set<FeedbackRequest>().CountAsync(r => r.SubjectPersonId == megan.Id && r.Status == FeedbackStatus.Answered));
        var meganList = card;
        var stillOpen = await _playground.ExecuteAsync(meganList, "feedback.view", new JsonObject { ["scope"] = Period }, "user-id-1");
        (await _admin.PostAsync($"/admin/periods/{Period}/close", null)).EnsureSuccessStatusCode();
        var after = await _playground.ExecuteAsync(meganList, "feedback.view", new JsonObject { ["scope"] = Period }, "user-id-1");

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

    /// <summary>The id of the next card the bot posts that carries <paramref name="verb"/> (proactive messages in between are passed over).</summary>
    private async Task<string> NextCardAsync(string verb)
    {
        while (true)
        {
            var message = await _playground.NextBotMessageAsync();
            if (message["message"]?["attachments"]?[0]?["content"].Readable().Contains(verb, StringComparison.Ordinal) == true)
            {
                return (string)message["message"]!["messageId"]!;
            }
        }
    }
}
