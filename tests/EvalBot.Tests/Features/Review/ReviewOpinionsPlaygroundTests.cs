using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Review;

/// <summary>
/// The opinions of the review file through the Microsoft 365 Agents Playground on the demo organisation: Lynne Robbins,
/// of the organisation board, asks for Phạm Quốc Bảo's file in the team channel from a Vietnamese client and in the group
/// chat from an English one; each time the card comes to her personal chat only, in her language, and the shared
/// conversation gets the neutral line. She records the advisory proposal from her English client, and it is stored with her
/// as recorder, whoever the card data names. Alex Wilber, who is not on the board, is refused in his personal chat.
/// </summary>
public sealed class ReviewOpinionsPlaygroundTests : IAsyncLifetime
{
    private static readonly JsonObject Lynne = new() { ["id"] = "user-id-5", ["name"] = "Lynne Robbins", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000025" };

    private const string AdminKey = "e2e-review-opinions-key";

    private EvalBotFactory _bot = null!;
    private HttpClient _admin = null!;
    private AgentsPlayground _alex = null!;
    private AgentsPlayground _lynne = null!;

    public async Task InitializeAsync()
    {
        var port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true", ["Scheduling:Enabled"] = "false", ["Admin:ApiKey"] = AdminKey });
        _bot.UseKestrel(port);
        _bot.StartServer();
        _admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        _alex = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages");
        _lynne = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages", Path.Combine(RepoPaths.Root, "demo", "playground", "lynne.yml"));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _lynne.DisposeAsync();
        await _alex.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task The_board_member_reads_the_file_privately_from_a_channel_and_a_group_chat_and_records_the_proposal_as_herself()
    {
        var year = TimeProvider.System.GetUtcNow().AddHours(7).Year.ToString(CultureInfo.InvariantCulture);
        var ids = await _bot.QueryAsync(db => db.People.Where(p => p.ExternalId == "P-LYNNE" || p.ExternalId == "P-003" || p.ExternalId == "P-ALEX")
            .ToDictionaryAsync(p => p.ExternalId, p => p.Id));
        var compile = await _admin.PostAsync($"/admin/years/{year}/compile", null);
        Assert.True(compile.IsSuccessStatusCode, await compile.Content.ReadAsStringAsync());

        await _bot.InstallAsync(_lynne);
        await _lynne.NextBotMessageAsync(); // welcome

        // The team channel, from a Vietnamese client: the card privately in Vietnamese, the channel only the neutral line.
        await _lynne.SayAsAsync(_lynne.ChannelId(), Lynne, "vi-VN", "<at>EvalBot</at> ý kiến đánh giá Phạm Quốc Bảo");
        var (vi, channelLine) = await _lynne.PrivateCardAndLineAsync($"Ý kiến trong hồ sơ đánh giá năm {year}");
        Assert.Equal("Đã gửi riêng cho đồng chí.", (string?)channelLine["message"]!["text"]);
        Assert.Equal(_lynne.ChannelId(), (string?)channelLine["actionConversationId"]);
        foreach (var part in new[] { "Phạm Quốc Bảo", "Phòng Tổng hợp", "Đề xuất của cơ quan tham mưu tổ chức cán bộ", "review.opinion" })
        {
            Assert.Contains(part, PlaygroundSteps.CardText(vi), StringComparison.Ordinal);
        }

        // The group chat, from an English client: the same file in English, privately.
        await _lynne.InstallInGroupChatAsync();
        await _lynne.NextInAsync(_lynne.GroupChatId()); // the welcome in the group chat: no one's data
        await _lynne.SayAsAsync(_lynne.GroupChatId(), Lynne, "en-US", "<at>EvalBot</at> review opinions P-003");
        var (en, groupLine) = await _lynne.PrivateCardAndLineAsync($"Opinions in the review file {year}");
        Assert.Equal("Sent to you privately.", (string?)groupLine["message"]!["text"]);
        Assert.Contains("Proposal of the personnel advisory unit", PlaygroundSteps.CardText(en), StringComparison.Ordinal);

        // She records the advisory proposal from the card; the card data names Alex as recorder, and is not believed.
        var recorded = (await _lynne.ExecuteAsync((string)en["message"]!["messageId"]!, "review.opinion", new JsonObject
        {
            ["year"] = year, ["person"] = ids["P-003"].ToString(CultureInfo.InvariantCulture), ["recordedBy"] = ids["P-ALEX"].ToString(CultureInfo.InvariantCulture),
            ["opinion.advisoryProposal"] = "Proposed: completed tasks (HT)",
        })).Readable();
        Assert.Contains("Recorded: Proposal of the personnel advisory unit.", recorded, StringComparison.Ordinal);
        Assert.Contains("Recorded by Lynne Robbins at", recorded, StringComparison.Ordinal);
        var stored = await _bot.QueryAsync(db => db.ReviewOpinions.AsNoTracking().SingleAsync(o => o.PersonId == ids["P-003"]));
        Assert.Equal((ReviewOpinionKind.AdvisoryProposal, "Proposed: completed tasks (HT)", ids["P-LYNNE"]), (stored.Kind, stored.Text, stored.RecordedByPersonId));

        // Alex is not on the board.
        await _bot.InstallAsync(_alex);
        await _alex.NextBotMessageAsync(); // welcome
        await _alex.SendTextAsync("review opinions P-003");
        var refusal = await _alex.NextInAsync(_alex.PersonalChatId, m => m.ToJsonString().Contains("review file", StringComparison.Ordinal));
        Assert.Contains("Only the organisation board (the personnel advisory unit) records the opinions of the review file.", refusal.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, await _bot.QueryAsync(db => db.ReviewOpinions.CountAsync(o => o.PersonId == ids["P-003"])));
    }
}
