using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Review;

/// <summary>
/// The unit's comment meeting through the Microsoft 365 Agents Playground on the demo organisation (Phòng Tổng hợp,
/// chaired by its head Megan Bowen): Alex Wilber comments in English from his personal chat; Megan asks in the group chat
/// from a Vietnamese client, gets the card privately (the group only the neutral line), comments and approves the
/// minutes from her English client; Alex's next comment is an addendum. Each entry keeps its author.
/// </summary>
public sealed class ReviewMeetingPlaygroundTests : IAsyncLifetime
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
    public async Task Two_people_comment_the_chair_approves_the_minutes_from_her_private_card_and_a_later_comment_is_an_addendum()
    {
        var year = TimeProvider.System.GetUtcNow().AddHours(7).Year.ToString(CultureInfo.InvariantCulture);
        var ids = await _bot.QueryAsync(db => db.People.Where(p => p.ExternalId == "P-ALEX" || p.ExternalId == "P-ADELE" || p.ExternalId == "P-MEGAN").ToDictionaryAsync(p => p.ExternalId, p => p.Id));
        var unit = (await _bot.QueryAsync(db => db.Units.SingleAsync(u => u.ExternalId == "PTH"))).Id.ToString(CultureInfo.InvariantCulture);
        JsonObject Comment(string subject, string text) => new() { ["year"] = year, ["unit"] = unit, ["subject"] = ids[subject].ToString(CultureInfo.InvariantCulture), ["comment"] = text };

        await _bot.InstallAsync(_alex);
        await _alex.NextBotMessageAsync(); // welcome
        await _alex.SendTextAsync("review meeting");
        var alexCard = await _alex.NextCardAsync(c => c.Contains("Review meeting", StringComparison.Ordinal));
        Assert.Contains("Phòng Tổng hợp", PlaygroundSteps.CardText(alexCard), StringComparison.Ordinal);
        Assert.Contains("Megan Bowen", PlaygroundSteps.CardText(alexCard), StringComparison.Ordinal);
        var alexId = (string)alexCard["message"]!["messageId"]!;
        var first = (await _alex.ExecuteAsync(alexId, "review.comment", Comment("P-ADELE", "Thorough with the summary reports"))).Readable();
        Assert.Contains("Your comment on Adele Vance is recorded.", first, StringComparison.Ordinal);

        await _bot.InstallAsync(_megan);
        await _megan.NextBotMessageAsync(); // welcome
        await _megan.InstallInGroupChatAsync();
        await _megan.NextBotMessageAsync(); // the welcome in the group chat: no one's data
        await _megan.SayAsAsync(_megan.GroupChatId(), Megan, "vi-VN", "<at>EvalBot</at> họp đánh giá");
        var (mine, line) = await _megan.PrivateCardAndLineAsync($"Họp kiểm điểm, đánh giá năm {year}");
        Assert.Equal("Đã gửi riêng cho đồng chí.", (string?)line["message"]!["text"]);
        Assert.Contains("Alex Wilber về Adele Vance", PlaygroundSteps.CardText(mine), StringComparison.Ordinal);
        var meganId = (string)mine["message"]!["messageId"]!;
        var second = (await _megan.ExecuteAsync(meganId, "review.comment", Comment("P-ALEX", "Đồng chí Alex cần chủ động phối hợp hơn"))).Readable();
        Assert.Contains("review.approve", second, StringComparison.Ordinal);
        var approved = (await _megan.ExecuteAsync(meganId, "review.approve", new JsonObject { ["year"] = year, ["unit"] = unit })).Readable();
        // Her Playground's own client is English: the card that answers her press follows it.
        Assert.Contains("The minutes were approved at", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("review.approve", approved, StringComparison.Ordinal);

        var addendum = (await _alex.ExecuteAsync(alexId, "review.comment", Comment("P-ADELE", "She also finished the year-end report"))).Readable();
        Assert.Contains("Your addendum on Adele Vance is recorded.", addendum, StringComparison.Ordinal);

        var meeting = await _bot.QueryAsync(db => db.ReviewMeetings.AsNoTracking().Include(m => m.Entries).SingleAsync(m => m.Year == int.Parse(year, CultureInfo.InvariantCulture)));
        Assert.Equal(ids["P-MEGAN"], meeting.ChairPersonId);
        Assert.NotNull(meeting.ApprovedAt);
        Assert.Equal(
            [(ids["P-ALEX"], ids["P-ADELE"], false), (ids["P-MEGAN"], ids["P-ALEX"], false), (ids["P-ALEX"], ids["P-ADELE"], true)],
            meeting.Entries.OrderBy(e => e.Id).Select(e => (e.AuthorPersonId, e.SubjectPersonId, e.IsAddendum)));
    }
}
