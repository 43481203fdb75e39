using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// The annual self-assessment through the Microsoft 365 Agents Playground on the demo organisation: Alex Wilber, from
/// the Playground's English client, asks for his card in his personal chat and submits it; Megan Bowen asks in the
/// group chat from a Vietnamese client and gets her card in her personal chat, the group only the neutral line.
/// </summary>
public sealed class SelfAssessmentPlaygroundTests : IAsyncLifetime
{
    private static readonly JsonObject Megan = new() { ["id"] = "user-id-1", ["name"] = "Megan Bowen", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000021" };

    private EvalBotFactory _bot = null!;
    private AgentsPlayground _alex = null!;
    private AgentsPlayground _megan = null!;

    public async Task InitializeAsync()
    {
        var port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true", ["Scheduling:Enabled"] = "false" });
        _bot.UseKestrel(port);
        _bot.StartServer();
        _alex = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages");
        _megan = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages", Path.Combine(RepoPaths.Root, "demo", "playground", "megan.yml"));
    }

    public async Task DisposeAsync()
    {
        await _megan.DisposeAsync();
        await _alex.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Alex_writes_his_self_assessment_in_English_and_Megan_asks_in_the_group_chat_and_gets_hers_privately()
    {
        await _bot.InstallAsync(_alex);
        await _alex.NextBotMessageAsync(); // welcome
        await _alex.SendTextAsync("self-assessment");
        var card = await _alex.NextCardAsync(c => c.Contains("Annual self-assessment", StringComparison.Ordinal));
        var year = TimeProvider.System.GetUtcNow().AddHours(7).Year;
        Assert.Contains($"Annual self-assessment {year}", PlaygroundSteps.CardText(card), StringComparison.Ordinal);

        var answer = await _alex.ExecuteAsync((string)card["message"]!["messageId"]!, "classification.selfassess", new JsonObject
        {
            ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["strengths"] = "Hoàn thành đúng hạn các báo cáo tổng hợp",
            ["shortcomings"] = "Còn chậm trong phối hợp liên phòng",
            ["selfCriticism"] = "Chủ động lập kế hoạch phối hợp từ đầu quý",
        });
        Assert.Contains("Self-assessment recorded at", answer.Readable(), StringComparison.Ordinal);
        var stored = await _bot.QueryAsync(db => db.Set<ReviewSelfAssessment>().Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { s, p.AadObjectId })
            .SingleAsync(x => x.AadObjectId == "00000000-0000-0000-0000-0000000000020" && x.s.Year == year));
        Assert.Equal("Còn chậm trong phối hợp liên phòng", stored.s.Shortcomings);

        await _bot.InstallAsync(_megan);
        await _megan.NextBotMessageAsync(); // welcome
        await _megan.InstallInGroupChatAsync();
        await _megan.NextBotMessageAsync(); // the welcome in the group chat: no one's data
        await _megan.SayAsAsync(_megan.GroupChatId(), Megan, "vi-VN", "<at>EvalBot</at> tự đánh giá");
        var (mine, line) = await _megan.PrivateCardAndLineAsync($"Bản tự đánh giá năm {year}");
        Assert.Equal("Đã gửi riêng cho đồng chí.", (string?)line["message"]!["text"]);
        Assert.Contains("Ưu điểm", PlaygroundSteps.CardText(mine), StringComparison.Ordinal);
    }
}
