using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.FollowUps;

/// <summary>
/// End to end through the Microsoft 365 Agents Playground on the demo organisation, as Patti Fernandez (head of the
/// agency): a confidence vote gives Megan Bowen a low-confidence majority, so Patti holds "consider resignation or a lower
/// post". Asked in a group chat, her follow-ups come to her personal chat (Vietnamese) and the group gets only the
/// neutral line; in her personal chat (English Teams) she records the decision on the card.
/// </summary>
public sealed class FollowUpPlaygroundTests : IAsyncLifetime
{
    private static readonly JsonObject Patti = new() { ["id"] = "user-id-4", ["name"] = "Patti Fernandez", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000024" };

    private EvalBotFactory _bot = null!;
    private AgentsPlayground _patti = null!;

    public async Task InitializeAsync()
    {
        var port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true", ["Scheduling:Enabled"] = "false" });
        _bot.UseKestrel(port);
        _bot.StartServer();
        _patti = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages", Path.Combine(RepoPaths.Root, "demo", "playground", "patti.yml"));
    }

    public async Task DisposeAsync()
    {
        await _patti.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Patti_gets_her_follow_up_privately_and_records_the_decision_on_the_card()
    {
        var megan = await _bot.QueryAsync(db => db.People.Where(p => p.FullName == "Megan Bowen").Select(p => p.Id).SingleAsync());
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            var ledger = scope.ServiceProvider.GetRequiredService<FollowUpLedger>();
            var vote = new Domain.Records.ConfidenceVote(new DateOnly(2026, 10, 1), 4, 5, 11, 20, 30);
            Assert.Equal(1, await ledger.OpenForVotesAsync([new ImportedVote(megan, "TN-01", vote)], TimeProvider.System.GetUtcNow(), CancellationToken.None));
            await scope.ServiceProvider.GetRequiredService<EvalBot.Persistence.EvalBotDbContext>().SaveChangesAsync();
        }

        Assert.Equal("Patti Fernandez", await _bot.QueryAsync(db => db.FollowUpTasks.Join(db.People, t => t.HolderPersonId, p => p.Id, (t, p) => p.FullName).SingleAsync()));
        await _bot.InstallAsync(_patti);
        await _patti.NextBotMessageAsync(); // welcome
        using (var debug = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_patti.Port}") })
        {
            (await debug.PostAsJsonAsync($"/_debug/conversation/{GroupChatId}/installation", new JsonObject())).EnsureSuccessStatusCode();
        }

        await _patti.NextBotMessageAsync(); // the welcome in the group chat

        await SayInGroupAsync("<at>EvalBot</at> việc cần xử lý");
        JsonObject? shared = null, vietnamese = null;
        while (shared is null || vietnamese is null)
        {
            var message = await _patti.NextBotMessageAsync(TimeSpan.FromSeconds(90));
            if ((string?)message["actionConversationId"] == _patti.PersonalChatId) vietnamese = message;
            else shared = message;
        }

        Assert.Equal("Đã gửi riêng cho đồng chí.", (string?)shared["message"]!["text"]);
        Assert.DoesNotContain("Megan", shared.Readable(), StringComparison.Ordinal);
        Assert.Contains("Xem xét cho thôi giữ chức vụ hoặc bố trí công tác khác", Content(vietnamese), StringComparison.Ordinal);

        await _patti.SendTextAsync("follow-ups");
        var card = await NextAsync(m => Content(m).Contains("Follow-ups after ratings", StringComparison.Ordinal));
        Assert.Contains("Consider resignation or a lower post", Content(card), StringComparison.Ordinal);
        var id = await _bot.QueryAsync(db => db.FollowUpTasks.Select(t => t.Id).SingleAsync());
        var data = new JsonObject
        {
            ["task"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"followup.{id}.decision"] = "Kept in post after a working session; to be reviewed at the next vote",
            [$"followup.{id}.number"] = "15/QĐ-UBND",
            [$"followup.{id}.date"] = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

        var answer = await _patti.ExecuteAsync((string)card["message"]!["messageId"]!, "followup.close", data);

        Assert.Contains("Decision recorded for Megan Bowen", answer.Readable(), StringComparison.Ordinal);
        Assert.Contains("Nothing is waiting for you.", answer.Readable(), StringComparison.Ordinal);
        Assert.Equal("15/QĐ-UBND", await _bot.QueryAsync(db => db.FollowUpTasks.Select(t => t.DocumentNumber).SingleAsync()));
    }

    private string GroupChatId => (string)_patti.Config["config"]!["groupChats"]![0]!["id"]!;

    private async Task SayInGroupAsync(string text)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_patti.Port}") };
        var activity = (await http.GetFromJsonAsync<JsonObject>($"/_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(GroupChatId)}"))!;
        foreach (var key in new[] { "action", "membersAdded", "value", "name" }) activity.Remove(key);
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["from"] = Patti.DeepClone();
        activity["locale"] = "vi-VN";
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
        (await http.PostAsJsonAsync("/_internal/v1/customActivities", activity)).EnsureSuccessStatusCode();
    }

    private async Task<JsonObject> NextAsync(Func<JsonObject, bool> match)
    {
        while (true)
        {
            var message = await _patti.NextBotMessageAsync(TimeSpan.FromSeconds(90));
            if (match(message)) return message;
        }
    }

    private static string Content(JsonObject message) =>
        message["message"]?["attachments"] is JsonArray { Count: > 0 } attachments ? attachments[0]!["content"].Readable() : "";
}
