using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// End to end through the Microsoft 365 Agents Playground on the demo organisation, one Playground per person: Megan
/// Bowen (head of Phòng Tổng hợp) asks for Alex Wilber's summary in a group chat and her unit's in a team channel, and
/// gets both in her personal chat while the shared conversations get only the neutral line; the year is compiled through
/// the admin API, Patti Fernandez (head of the agency, who decides its staff under rule 25) approves her list from the
/// decision card, and Alex receives his result card.
/// </summary>
public sealed class ClassificationPlaygroundTests : IAsyncLifetime
{
    private const string AdminKey = "e2e-classification-key";
    private static readonly JsonObject Megan = Account("user-id-1", "Megan Bowen", "00000000-0000-0000-0000-0000000000021");
    private static readonly JsonObject Patti = Account("user-id-4", "Patti Fernandez", "00000000-0000-0000-0000-0000000000024");

    private EvalBotFactory _bot = null!;
    private AgentsPlayground _alex = null!;
    private AgentsPlayground _megan = null!;
    private AgentsPlayground _patti = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        var port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(
            new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true", ["Admin:ApiKey"] = AdminKey, ["Scheduling:Enabled"] = "false" });
        _bot.UseKestrel(port);
        _bot.StartServer();
        _admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        _alex = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages");
        _megan = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages", Path.Combine(RepoPaths.Root, "demo", "playground", "megan.yml"));
        _patti = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages", Path.Combine(RepoPaths.Root, "demo", "playground", "patti.yml"));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _megan.DisposeAsync();
        await _patti.DisposeAsync();
        await _alex.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Megan_reads_the_summaries_the_agency_head_approves_the_compiled_list_and_Alex_gets_his_result()
    {
        await _bot.InstallAsync(_alex);
        await _alex.NextBotMessageAsync(); // welcome
        await _bot.InstallAsync(_megan);
        await _megan.NextBotMessageAsync(); // welcome
        await _bot.InstallAsync(_patti);
        await _patti.NextBotMessageAsync(); // welcome
        using (var debug = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_megan.Port}") })
        {
            (await debug.PostAsJsonAsync($"/_debug/conversation/{GroupChatId}/installation", new JsonObject())).EnsureSuccessStatusCode();
        }

        var welcome = await _megan.NextBotMessageAsync(); // the welcome in the group chat: no one's data
        Assert.Equal(GroupChatId, (string?)welcome["actionConversationId"]);

        // In the group chat: only "Đã gửi riêng cho đồng chí." there, the summary in her personal chat.
        await SayAsMeganAsync(GroupChatId, "<at>EvalBot</at> tóm tắt Alex");
        var (summary, sharedLine) = await PrivateCardAndSharedLineAsync(GroupChatId, c => c.Contains("Tóm tắt cá nhân", StringComparison.Ordinal));
        Assert.Contains("Alex Wilber", Text(summary), StringComparison.Ordinal);
        Assert.Equal("Đã gửi riêng cho đồng chí.", (string?)sharedLine["message"]!["text"]);

        // In a team channel the same.
        await SayAsMeganAsync(ChannelId, "<at>EvalBot</at> đơn vị");
        var (unit, channelLine) = await PrivateCardAndSharedLineAsync(ChannelId, c => c.Contains("Tóm tắt đơn vị", StringComparison.Ordinal));
        Assert.Contains("Phòng Tổng hợp", Text(unit), StringComparison.Ordinal);
        Assert.Equal("Đã gửi riêng cho đồng chí.", (string?)channelLine["message"]!["text"]);

        // The demo's three years: Alex's dossier has a trend, prospects and the two past years' decided levels.
        await SayAsMeganAsync(_megan.PersonalChatId, "hồ sơ Alex");
        var dossier = Text(await NextCardAsync(_megan, c => c.Contains("Hồ sơ đánh giá", StringComparison.Ordinal)));
        Assert.Contains("Alex Wilber", dossier, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa đủ dữ liệu", dossier, StringComparison.Ordinal);
        Assert.Contains("2024", dossier, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành tốt nhiệm vụ", dossier, StringComparison.Ordinal);

        var compile = await _admin.PostAsync("/admin/years/2026/compile", null);
        Assert.True(compile.IsSuccessStatusCode, await compile.Content.ReadAsStringAsync());
        await SettleAsync(await compile.Content.ReadFromJsonAsync<JsonObject>());
        // The annual review's steps before the decision (rule 23): self-assessments, the units' approved minutes, leaders' opinions.
        await TestReview.GiveStepsAsync(_bot, 2026);
        await SendAsAsync(_patti, _patti.PersonalChatId, Patti, Message("xếp loại 2026"));
        var decision = await NextCardAsync(_patti, c => c.Contains("classification.approve", StringComparison.Ordinal));
        var id = (string)decision["message"]!["messageId"]!;
        var over = Choices(decision["message"]!["attachments"]![0]!["content"]).ToList();
        if (over.Count > 0)
        {
            await ExecuteAsPattiAsync(id, "classification.demote", new JsonObject
            {
                ["year"] = "2026", ["list"] = "own", ["demote.people"] = string.Join(",", over), ["demote.reason"] = "Vượt tỷ lệ 20%",
            });
            await UntilAsync(() => _bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "classification.demote")));
        }

        await ExecuteAsPattiAsync(id, "classification.approve", new JsonObject { ["year"] = "2026", ["list"] = "own" });

        var alex = await _bot.QueryAsync(db => db.People.SingleAsync(p => p.AadObjectId == "00000000-0000-0000-0000-0000000000020"));
        await UntilAsync(() => _bot.QueryAsync(db => db.Set<ClassificationRecord>().AnyAsync(r => r.PersonId == alex.Id && r.State == ClassificationState.Decided)));
        var result = await NextCardAsync(_alex, c => c.Contains("Alex Wilber", StringComparison.Ordinal)
            && (c.Contains("Kết quả xếp loại chất lượng", StringComparison.Ordinal) || c.Contains("Annual classification result", StringComparison.Ordinal)));
        var row = await _bot.QueryAsync(db => db.Set<ClassificationRecord>().SingleAsync(r => r.PersonId == alex.Id && r.Year == 2026));
        Assert.Equal(ClassificationState.Decided, row.State);
        Assert.NotNull(row.Hash);
        Assert.Contains("Alex Wilber", Text(result), StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads Megan's Playground until both the private card (in her personal chat) and the neutral line (in the shared
    /// conversation) arrived, and asserts nothing else was written to the shared conversation meanwhile.
    /// </summary>
    private async Task<(JsonObject Card, JsonObject Line)> PrivateCardAndSharedLineAsync(string sharedId, Func<string, bool> match)
    {
        JsonObject? card = null;
        JsonObject? line = null;
        while (card is null || line is null)
        {
            var message = await _megan.NextBotMessageAsync(TimeSpan.FromSeconds(60));
            var where = (string?)message["actionConversationId"] ?? "";
            var content = message["message"]?["attachments"] is JsonArray { Count: > 0 } attachments ? attachments[0]!["content"] : null;
            if (where != _megan.PersonalChatId)
            {
                Assert.StartsWith(sharedId.Split(';')[0], where, StringComparison.Ordinal);
                Assert.Null(content);
                Assert.Null(line);
                line = message;
            }
            else if (where == _megan.PersonalChatId && content is not null && match(content.Readable()))
            {
                card = message;
            }
        }

        return (card, line);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>Cases the rules leave to the authority are decided through the admin API, as the competent level would.</summary>
    private async Task SettleAsync(JsonObject? report)
    {
        var flagged = report!["units"]!.AsArray().SelectMany(u => u!["flagged"]!.AsArray()).ToList();
        foreach (var f in flagged)
        {
            var response = await _admin.PostAsJsonAsync($"/admin/years/2026/people/{(string)f!["personId"]!}/rerate", new { level = "HT", reason = "Quyết định của cấp có thẩm quyền", by = "Chủ tịch UBND" });
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// Megan (and Patti) write through their Playground's custom-activity feature: its activity template for a conversation
    /// (the personal chat, the group chat, the team's General channel), sent from their account with the locale of a
    /// Vietnamese Teams client, so the cards are Vietnamese.
    /// Alex has a Playground of his own, where his result card arrives.
    /// </summary>
    private string GroupChatId => (string)_megan.Config["config"]!["groupChats"]![0]!["id"]!;

    private string ChannelId => (string)_megan.Config["config"]!["teams"]![0]!["channels"]![0]!["id"]!;

    private static JsonObject Account(string id, string name, string aad) => new() { ["id"] = id, ["name"] = name, ["aadObjectId"] = aad };

    private Task SayAsMeganAsync(string conversationId, string text) => SendAsAsync(_megan, conversationId, Megan, Message(text));

    private static Action<JsonObject> Message(string text) => a =>
    {
        a["type"] = "message";
        a["text"] = text;
        a["textFormat"] = "plain";
    };

    /// <summary>Patti presses a button: the same custom-activity route, as the invoke Teams sends for an Action.Execute.</summary>
    private Task ExecuteAsPattiAsync(string cardMessageId, string verb, JsonObject data) => SendAsAsync(_patti, _patti.PersonalChatId, Patti, a =>
    {
        a["type"] = "invoke";
        a["name"] = "adaptiveCard/action";
        a["replyToId"] = cardMessageId;
        a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
    });

    private static async Task SendAsAsync(AgentsPlayground playground, string conversationId, JsonObject account, Action<JsonObject> shape)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{playground.Port}") };
        var activity = (await http.GetFromJsonAsync<JsonObject>($"/_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}"))!;
        foreach (var key in new[] { "action", "membersAdded", "value", "name" }) activity.Remove(key);
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["from"] = account.DeepClone();
        // Their Teams client is in Vietnamese: without a locale, the last one seen in the chat (the Playground's
        // en-US at install) would be the language of the answer.
        activity["locale"] = "vi-VN";
        shape(activity);
        (await http.PostAsJsonAsync("/_internal/v1/customActivities", activity)).EnsureSuccessStatusCode();
    }

    private static string Text(JsonObject message) => message["message"]!["attachments"]![0]!["content"].Readable();

    private static IEnumerable<string> Choices(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["id"] == "demote.people" => o["choices"]!.AsArray().Select(c => (string)c!["value"]!),
        JsonObject o => o.SelectMany(p => Choices(p.Value)),
        JsonArray a => a.SelectMany(Choices),
        _ => [],
    };

    private static async Task<JsonObject> NextCardAsync(AgentsPlayground client, Func<string, bool> match)
    {
        while (true)
        {
            var message = await client.NextBotMessageAsync(TimeSpan.FromSeconds(60));
            var content = message["message"]?["attachments"]?[0]?["content"];
            if (content is not null && match(content.Readable()))
            {
                return message;
            }
        }
    }
}
