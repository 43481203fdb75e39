using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Board;

/// <summary>
/// The year's compile run from the organisation board's card through the Microsoft 365 Agents Playground on the demo
/// organisation: Lynne Robbins, from the Playground's English client, opens the card in her personal chat, starts the
/// compile and watches the same card message updated until it shows the compile done (the compile writes each slice
/// while the next one compiles, and reports its progress from there). Asked for the card in the group chat from a
/// Vietnamese client and in the team channel from an English one, she gets it privately, and the shared conversations get
/// only the neutral line.
/// </summary>
public sealed class BoardCompilePlaygroundTests : IAsyncLifetime
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
    public async Task The_board_member_compiles_the_year_from_her_card_follows_it_to_the_end_and_gets_the_card_privately_from_shared_chats()
    {
        var year = TimeProvider.System.GetUtcNow().AddHours(7).Year.ToString(CultureInfo.InvariantCulture);
        await _bot.InstallAsync(_lynne);
        await _lynne.NextBotMessageAsync(); // welcome

        await _lynne.SendTextAsync("admin");
        var card = await _lynne.NextCardAsync(c => c.Contains("Organisation board", StringComparison.Ordinal));
        var cardId = (string)card["message"]!["messageId"]!;
        var started = await _lynne.ExecuteAsync(cardId, "board.run", new JsonObject { ["op"] = "year.compile", ["board.year"] = year });
        Assert.Contains($"compile the year {year}", started.Readable(), StringComparison.Ordinal);

        // The same card message, updated in place until the compile has ended.
        var updated = await _lynne.NextCardAsync(c => c.Contains($"Done: compile the year {year}", StringComparison.Ordinal));
        Assert.Equal(cardId, (string?)updated["message"]!["messageId"]);
        var done = PlaygroundSteps.CardText(updated);
        Assert.DoesNotContain("failed midway", done, StringComparison.Ordinal);
        Assert.Contains("Compiled;", done, StringComparison.Ordinal);
        Assert.Equal(BoardTaskStatus.Done, await _bot.QueryAsync(db => db.BoardTasks.Select(t => t.Status).SingleAsync()));
        var drafts = await _bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.Year == int.Parse(year, CultureInfo.InvariantCulture))
            .GroupBy(r => new { r.PersonId, r.Version }).Select(g => g.Count()).ToListAsync());
        Assert.NotEmpty(drafts);
        Assert.All(drafts, count => Assert.Equal(1, count));

        // The group chat, from a Vietnamese client: the card privately, in Vietnamese; the group only the neutral line.
        await _lynne.InstallInGroupChatAsync();
        await _lynne.NextInAsync(_lynne.GroupChatId()); // the welcome in the group chat: no one's data
        await _lynne.SayAsAsync(_lynne.GroupChatId(), Lynne, "vi-VN", "<at>EvalBot</at> quản trị");
        var (vi, groupLine) = await _lynne.PrivateCardAndLineAsync("Bảng điều hành Ban Tổ chức");
        Assert.Equal("Đã gửi riêng cho đồng chí.", (string?)groupLine["message"]!["text"]);
        Assert.Contains($"Xếp loại năm {year}", PlaygroundSteps.CardText(vi), StringComparison.Ordinal);
        Assert.Contains("Đã tổng hợp;", PlaygroundSteps.CardText(vi), StringComparison.Ordinal);

        // The team channel, from an English client: the same, in English.
        await _lynne.SayAsAsync(_lynne.ChannelId(), Lynne, "en-US", "<at>EvalBot</at> admin");
        var (en, channelLine) = await _lynne.PrivateCardAndLineAsync("Organisation board");
        Assert.Equal("Sent to you privately.", (string?)channelLine["message"]!["text"]);
        Assert.Equal(_lynne.ChannelId(), (string?)channelLine["actionConversationId"]);
        Assert.Contains($"Classification {year}", PlaygroundSteps.CardText(en), StringComparison.Ordinal);
    }
}
