using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Board;

/// <summary>
/// End to end through the Microsoft 365 Agents Playground on the demo organisation, as Lynne Robbins of the organisation
/// board: asked in a group chat, the board card comes to her personal chat (Vietnamese) and the group gets only the
/// neutral line; in her personal chat (English Teams) she opens the period from the card, and the same card message is
/// updated in place until it shows the outcome.
/// </summary>
public sealed class BoardPlaygroundTests : IAsyncLifetime
{
    private static readonly JsonObject Lynne = new() { ["id"] = "user-id-5", ["name"] = "Lynne Robbins", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000025" };

    private EvalBotFactory _bot = null!;
    private AgentsPlayground _lynne = null!;

    public async Task InitializeAsync()
    {
        var port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(new Dictionary<string, string?>
        {
            ["EvalBot:SeedDemo"] = "true", ["Scheduling:Enabled"] = "false", ["Board:ProgressSeconds"] = "1", ["Board:PollMilliseconds"] = "200",
        });
        _bot.UseKestrel(port);
        _bot.StartServer();
        _lynne = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages", Path.Combine(RepoPaths.Root, "demo", "playground", "lynne.yml"));
    }

    public async Task DisposeAsync()
    {
        await _lynne.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Lynne_opens_the_period_from_the_board_card_and_watches_it_end_on_the_same_card()
    {
        await _bot.InstallAsync(_lynne);
        await _lynne.NextBotMessageAsync(); // welcome
        using (var debug = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_lynne.Port}") })
        {
            (await debug.PostAsJsonAsync($"/_debug/conversation/{GroupChatId}/installation", new JsonObject())).EnsureSuccessStatusCode();
        }

        await _lynne.NextBotMessageAsync(); // the welcome in the group chat

        // In the group chat, in Vietnamese: the card goes to her personal chat, the group learns only that it was sent.
        await SayInGroupAsync("<at>EvalBot</at> quản trị");
        JsonObject? shared = null, vietnamese = null;
        while (shared is null || vietnamese is null)
        {
            var message = await NextAsync(_ => true);
            if ((string?)message["actionConversationId"] == _lynne.PersonalChatId) vietnamese = message;
            else shared = message;
        }

        Assert.Equal("Đã gửi riêng cho đồng chí.", (string?)shared["message"]!["text"]);
        Assert.Contains("Bảng điều hành Ban Tổ chức", Content(vietnamese), StringComparison.Ordinal);

        // In her personal chat, from an English Teams client.
        await _lynne.SendTextAsync("admin");
        var card = await NextAsync(m => Content(m).Contains("Organisation board", StringComparison.Ordinal));
        var messageId = (string)card["message"]!["messageId"]!;
        var period = InputValue(card["message"]!["attachments"]![0]!["content"], "board.period");
        Assert.Matches(@"^20\d\d-Q[1-4]$", period);

        var answer = await _lynne.ExecuteAsync(messageId, "board.run", new JsonObject { ["op"] = "period.open", ["board.period"] = period });
        var shown = EvalBot.Domain.PeriodNames.En(period);
        Assert.Contains($"Started: open the reporting period {shown}.", answer.Readable(), StringComparison.Ordinal);

        var done = await NextAsync(m => (string?)m["action"] == "updateMessage" && Content(m).Contains($"Done: open the reporting period {shown}", StringComparison.Ordinal));
        Assert.Equal(messageId, (string?)done["message"]!["messageId"]);
        var task = await _bot.QueryAsync(db => db.BoardTasks.SingleAsync());
        Assert.Equal((BoardTaskStatus.Done, "boardResultOpened"), (task.Status, task.ResultKey));
        Assert.True(await _bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "board.run" && a.Actor == "00000000-0000-0000-0000-0000000000025")));
    }

    private string GroupChatId => (string)_lynne.Config["config"]!["groupChats"]![0]!["id"]!;

    private async Task SayInGroupAsync(string text)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_lynne.Port}") };
        var activity = (await http.GetFromJsonAsync<JsonObject>($"/_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(GroupChatId)}"))!;
        foreach (var key in new[] { "action", "membersAdded", "value", "name" }) activity.Remove(key);
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["from"] = Lynne.DeepClone();
        activity["locale"] = "vi-VN";
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
        (await http.PostAsJsonAsync("/_internal/v1/customActivities", activity)).EnsureSuccessStatusCode();
    }

    private async Task<JsonObject> NextAsync(Func<JsonObject, bool> match)
    {
        var seen = new List<string>();
        while (true)
        {
            JsonObject message;
            try
            {
                message = await _lynne.NextBotMessageAsync(TimeSpan.FromSeconds(90));
            }
            catch (OperationCanceledException)
            {
                var rows = await _bot.QueryAsync(db => db.Outbox.OrderByDescending(o => o.Id).Take(5).Select(o => o.Kind + " " + o.Status + " " + o.LastError + " " + o.ConversationId + " " + o.ActivityJson.Length).ToListAsync());
                throw new TimeoutException(string.Join("\n", rows) + "Seen: " + string.Join("\n", seen) + "\nLogs: " + string.Join("\n", _bot.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.ToString())));
            }

            if (match(message)) return message;
            seen.Add(message.Readable()[..Math.Min(300, message.Readable().Length)]);
        }
    }

    private static string Content(JsonObject message) =>
        message["message"]?["attachments"] is JsonArray { Count: > 0 } attachments ? attachments[0]!["content"].Readable() : "";

    private static string InputValue(JsonNode? node, string id) => node switch
    {
        JsonObject o when (string?)o["id"] == id => (string)o["value"]!,
        JsonObject o => o.Select(p => InputValue(p.Value, id)).FirstOrDefault(v => v.Length > 0) ?? "",
        JsonArray a => a.Select(n => InputValue(n, id)).FirstOrDefault(v => v.Length > 0) ?? "",
        _ => "",
    };
}
