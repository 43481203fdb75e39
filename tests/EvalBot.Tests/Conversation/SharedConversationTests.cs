using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Conversation;

/// <summary>
/// Nothing about a person's evaluation is written into a team channel or a group chat (PRODUCT.md, stable interface 7):
/// every command and every card verb sent from one is answered in the requester's personal chat, and the shared
/// conversation gets at most the neutral line. Run on a compiled year, so that the answers have scores and levels to leak.
/// </summary>
public sealed class SharedConversationTests : IAsyncLifetime
{
    private const string SentVi = "Đã gửi riêng cho đồng chí.";
    private const string SentEn = "Sent to you privately.";
    private ClassificationHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ClassificationHost.StartAsync(excellent: 2, good: 3);
        (await _host.Admin.PostAsync($"/admin/years/{ClassificationHost.Year}/compile", null)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, string, string> Commands
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var type in new[] { "channel", "groupChat" })
            {
                // user, command, what the private answer shows
                data.Add(type, "aad-head", "tóm tắt Nhân Viên B", "Nhân Viên B");
                data.Add(type, "aad-head", "summary Nhân Viên B", "Nhân Viên B");
                data.Add(type, "aad-head", "hồ sơ Nhân Viên B", "Nhân Viên B");
                data.Add(type, "aad-head", "dossier Nhân Viên B", "Nhân Viên B");
                data.Add(type, "aad-head", "đơn vị", "Phòng Tổng hợp");
                data.Add(type, "aad-top", "unit", "Văn phòng UBND xã");
                // The agency head decides the team's staff (rule 25): their decision list.
                data.Add(type, "aad-top", "xếp loại 2026", "Nhân Viên A");
                data.Add(type, "aad-board", "classification 2026", "Nhân Viên A");
                data.Add(type, "aad-00", "báo cáo", "");
                data.Add(type, "aad-00", "checkin", "");
                data.Add(type, "aad-00", "góp ý", "");
                data.Add(type, "aad-00", "feedback", "");
                data.Add(type, "aad-00", "tóm tắt", "Nhân Viên A");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_command_in_a_shared_conversation_is_answered_privately(string type, string user, string command, string shows)
    {
        foreach (var locale in new[] { "vi-VN", "en-US" })
        {
            var id = Guid.NewGuid().ToString("N");
            var shared = SharedId(type);
            (await _host.Client.PostAsJsonAsync("/api/messages", Shared(Activities.Message(_host.Teams.ServiceUrl, "<at>EvalBot</at> " + command, userAad: user, id: id, locale: locale), type, shared))).EnsureSuccessStatusCode();

            var rows = await RowsOfAsync(id);
            var inShared = rows.Where(r => r.ConversationId == shared && r.RecipientAadObjectId is null).ToList();
            var line = Assert.Single(inShared);
            Assert.Equal(locale == "en-US" ? SentEn : SentVi, (string?)JsonNode.Parse(line.ActivityJson)!["text"]);
            var privately = rows.Where(r => r.RecipientAadObjectId == user).ToList();
            Assert.NotEmpty(privately);
            Assert.Equal(rows.Count, inShared.Count + privately.Count);
            Assert.Contains(shows, string.Concat(privately.Select(r => Regex.Unescape(r.ActivityJson))), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task Every_card_verb_from_a_shared_conversation_answers_only_there_with_the_neutral_line(string type)
    {
        var verbs = VerbsOf(safe: false);
        Assert.Contains("classification.approve", verbs);
        Assert.Contains("checkin.submit", verbs);
        var staff = _host.People["P-01"].Id.ToString(CultureInfo.InvariantCulture);
        foreach (var verb in verbs)
        {
            foreach (var locale in new[] { "vi-VN", "en-US" })
            {
                var id = Guid.NewGuid().ToString("N");
                var shared = SharedId(type);
                var data = new JsonObject { ["personId"] = staff, ["year"] = "2026", ["kind"] = "dossier", ["page"] = "1", ["period"] = "2026-Q1", ["reportId"] = "1", ["requestId"] = "1" };
                var response = await _host.Client.PostAsJsonAsync("/api/messages", Shared(Activities.Invoke(_host.Teams.ServiceUrl, verb, data, userAad: "aad-head", id: id, locale: locale), type, shared));
                response.EnsureSuccessStatusCode();

                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
                Assert.Equal(locale == "en-US" ? SentEn : SentVi, (string?)body["value"]);
                var rows = await RowsOfAsync(id);
                Assert.DoesNotContain(rows, r => r.ConversationId == shared);
                Assert.Contains(rows, r => r.RecipientAadObjectId == "aad-head");
            }
        }
    }

    [Fact]
    public async Task A_card_submitted_as_a_message_in_a_channel_updates_nothing_there()
    {
        var id = Guid.NewGuid().ToString("N");
        var shared = SharedId("channel");
        var activity = Shared(Activities.Message(_host.Teams.ServiceUrl, "", userAad: "aad-head", id: id), "channel", shared);
        activity["replyToId"] = "card-in-channel";
        activity["value"] = new JsonObject { ["verb"] = "summary.show", ["personId"] = _host.People["P-01"].Id.ToString(CultureInfo.InvariantCulture), ["kind"] = "summary" };
        (await _host.Client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();

        var rows = await RowsOfAsync(id);
        var line = Assert.Single(rows, r => r.ConversationId == shared);
        Assert.Null(line.UpdateActivityId);
        Assert.Equal(SentVi, (string?)JsonNode.Parse(line.ActivityJson)!["text"]);
        var card = Assert.Single(rows, r => r.RecipientAadObjectId == "aad-head");
        Assert.Contains("Nhân Viên B", Regex.Unescape(card.ActivityJson), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_answered_in_the_channel_itself_and_holds_no_ones_data()
    {
        var id = Guid.NewGuid().ToString("N");
        var shared = SharedId("channel");
        (await _host.Client.PostAsJsonAsync("/api/messages", Shared(Activities.Message(_host.Teams.ServiceUrl, "trợ giúp", userAad: "aad-head", id: id), "channel", shared))).EnsureSuccessStatusCode();

        var help = Assert.Single(await RowsOfAsync(id));
        Assert.Equal(shared, help.ConversationId);
        var names = await _host.Bot.QueryAsync(db => db.People.Select(p => p.FullName).ToListAsync());
        Assert.DoesNotContain(names, n => Regex.Unescape(help.ActivityJson).Contains(n, StringComparison.Ordinal));
        Assert.Equal(["help.show"], VerbsOf(safe: true));
    }

    [Fact]
    public async Task Someone_who_cannot_be_reached_privately_gets_a_line_without_data()
    {
        var id = Guid.NewGuid().ToString("N");
        var shared = SharedId("groupChat");
        var activity = Shared(Activities.Message(_host.Teams.ServiceUrl, "tóm tắt Nhân Viên B", userAad: "aad-head", id: id), "groupChat", shared);
        activity["from"]!.AsObject().Remove("aadObjectId");
        (await _host.Client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();

        var line = Assert.Single(await RowsOfAsync(id));
        Assert.Equal(shared, line.ConversationId);
        var text = (string?)JsonNode.Parse(line.ActivityJson)!["text"];
        Assert.StartsWith("Chưa gửi riêng được cho đồng chí", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhân Viên B", text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_answer_goes_to_the_personal_chat_the_bot_already_has()
    {
        // The head's personal chat is known from an earlier message there; the private answer is sent into it.
        (await _host.Client.PostAsJsonAsync("/api/messages", Activities.Message(_host.Teams.ServiceUrl, "trợ giúp", userAad: "aad-head", conversationId: "a:head-personal"))).EnsureSuccessStatusCode();
        var id = Guid.NewGuid().ToString("N");
        (await _host.Client.PostAsJsonAsync("/api/messages", Shared(Activities.Message(_host.Teams.ServiceUrl, "đơn vị", userAad: "aad-head", id: id), "channel", SharedId("channel")))).EnsureSuccessStatusCode();

        var queued = Assert.Single(await RowsOfAsync(id), r => r.RecipientAadObjectId == "aad-head");
        Assert.Equal(Activities.TenantId, queued.TenantId);
        Assert.Equal(Activities.BotId, queued.BotId);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        OutboxMessage? sent = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(20) && (sent = await _host.Bot.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == queued.Id))).Status != OutboxStatus.Sent)
        {
            await Task.Delay(100);
        }

        Assert.Equal(OutboxStatus.Sent, sent!.Status);
        Assert.Equal("a:head-personal", sent.ConversationId);
    }

    private List<string> VerbsOf(bool safe)
    {
        using var scope = _host.Bot.Services.CreateScope();
        return scope.ServiceProvider.GetServices<ICardActionHandler>()
            .Where(h => h is ISafeInSharedConversations == safe)
            .SelectMany(h => h.Verbs)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private Task<List<OutboxMessage>> RowsOfAsync(string activityId) =>
        _host.Bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.DedupeKey.Contains(activityId) || o.ReplyToId == activityId).ToListAsync());

    private static string SharedId(string type) => Activities.SharedConversationId(type);

    private static JsonObject Shared(JsonObject activity, string type, string conversationId) => Activities.InSharedConversation(activity, type, conversationId);
}
