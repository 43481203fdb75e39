using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// Who gets the official list, by command and by card button: the board the whole organisation (or a unit), a head the
/// units they lead, anyone else a polite refusal and no file; in a group chat the offer goes to the personal chat only.
/// </summary>
public sealed class ExportAccessTests : IAsyncLifetime
{
    private ExportHost _host = null!;

    public async Task InitializeAsync() => _host = await ExportHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("xuất 2026", "aad-board", "xep-loai-2026-AG.xlsx")]
    [InlineData("export 2026 TEAM", "aad-board", "xep-loai-2026-TEAM.xlsx")]
    [InlineData("xuất", "aad-board", "xep-loai-2026-AG.xlsx")]
    [InlineData("xuat 2026", "aad-head", "xep-loai-2026-TEAM.xlsx")]
    [InlineData("xuất 2026", "aad-top", "xep-loai-2026-AG.xlsx")]
    [InlineData("xuất 2026 AG", "aad-head", null)]
    [InlineData("xuất 2026", "aad-00", null)]
    [InlineData("export 2026", "aad-nobody", null)]
    public async Task The_command_offers_the_list_each_role_may_take_and_refuses_the_others(string text, string user, string? file)
    {
        var queued = await _host.SayAsync(text, user);

        var offers = ExportHost.Offers(queued);
        if (file is null)
        {
            Assert.Empty(offers);
            Assert.DoesNotContain(queued, q => q.Text.Contains("/files/", StringComparison.Ordinal));
            Assert.StartsWith(user == "aad-nobody" ? "Đồng chí chưa có trong danh sách" : "Rất tiếc", Assert.Single(queued).Text, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(file, (string?)Assert.Single(offers)["name"]);
        Assert.Equal(1, await _host.AuditCountAsync("classification.export.requested"));
        Assert.Equal(1, await _host.AuditCountAsync("classification.export.link.issued"));
    }

    [Theory]
    [InlineData("aad-board", true)]
    [InlineData("aad-head", true)]
    [InlineData("aad-00", false)]
    [InlineData("aad-nobody", false)]
    public async Task The_card_button_offers_the_list_to_the_board_and_heads_only(string user, bool allowed)
    {
        var id = Guid.NewGuid().ToString("N");
        var activity = Activities.Invoke(_host.Host.Teams.ServiceUrl, "classification.export", new JsonObject { ["year"] = "2026" }, userAad: user, id: id);
        var response = await _host.Host.Client.PostAsJsonAsync("/api/messages", activity);

        var banner = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["value"];
        Assert.StartsWith(allowed ? "Đã gửi danh sách" : "Rất tiếc", banner, StringComparison.Ordinal);
        var offers = await _host.Host.Bot.QueryAsync(db => Task.FromResult(db.Outbox.Count(o => o.ActivityJson.Contains("card.file.consent"))));
        Assert.Equal(allowed ? 1 : 0, offers);
        Assert.Equal(allowed ? 1 : 0, await _host.AuditCountAsync("classification.export.link.issued"));
    }

    [Fact]
    public async Task The_decision_cards_export_button_sends_the_heads_list()
    {
        var cards = (await _host.SayAsync("xếp loại 2026", "aad-head")).SelectMany(q => q.Message["attachments"]?.AsArray() ?? []).Select(a => a!["content"]);
        var button = cards.SelectMany(c => c?["actions"]?.AsArray() ?? []).Single(a => (string?)a!["verb"] == "classification.export")!;
        Assert.Equal("classification.export", (string?)button["fallback"]!["data"]!["verb"]);

        var id = Guid.NewGuid().ToString("N");
        var activity = Activities.Invoke(_host.Host.Teams.ServiceUrl, "classification.export", button["data"]!.DeepClone().AsObject(), userAad: "aad-head", id: id);
        (await _host.Host.Client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();

        var offers = await _host.Host.Bot.QueryAsync(db => Task.FromResult(db.Outbox.Where(o => o.DedupeKey.Contains(id)).Select(o => o.ActivityJson).ToList()));
        Assert.Contains(offers, o => o.Contains("xep-loai-2026-TEAM.xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asked_in_a_group_chat_the_offer_goes_to_the_personal_chat_and_never_to_the_group()
    {
        var group = new JsonObject { ["id"] = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2", ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Activities.TenantId };

        var queued = await _host.SayAsync("xuất 2026", "aad-board", group);

        var inGroup = Assert.Single(queued, q => q.ConversationId == (string?)group["id"]);
        Assert.Empty(ExportHost.Offers([inGroup]));
        Assert.DoesNotContain("/files/", inGroup.Text, StringComparison.Ordinal);
        var personal = Assert.Single(queued, q => q.Recipient == "aad-board");
        Assert.Single(ExportHost.Offers([personal]));
        Assert.NotEqual("", ExportHost.LinkPath(personal));

        var context = ExportHost.Offers([personal])[0]["content"]!["acceptContext"];
        var (response, _) = await _host.ConsentAsync("aad-board", "accept", context, group);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(400, (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["statusCode"]!);
        Assert.Empty(_host.Upload.Requests);
    }
}
