using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Review;

/// <summary>
/// The unit's comment meeting through the Microsoft 365 Agents Playground on the demo organisation (Phòng Tổng hợp,
/// chaired by its head Megan Bowen), with the review steps required: the year is compiled and every other step taken;
/// Alex Wilber comments in English from his personal chat; Megan asks in the group chat from a Vietnamese client, gets the
/// card privately (the group only the neutral line) and comments; Patti Fernandez, who decides the unit's staff, cannot
/// approve her list while the minutes are open (Phạm Quốc Bảo, a public employee, waits for the meeting); Megan approves
/// the minutes from her English client and Patti's approval then goes through. Alex's next comment is an addendum; each
/// entry keeps its author.
/// </summary>
public sealed class ReviewMeetingPlaygroundTests : IAsyncLifetime
{
    private static readonly JsonObject Megan = new() { ["id"] = "user-id-1", ["name"] = "Megan Bowen", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000021" };

    private const string AdminKey = "e2e-review-meeting-key";

    private EvalBotFactory _bot = null!;
    private HttpClient _admin = null!;
    private AgentsPlayground _alex = null!;
    private AgentsPlayground _megan = null!;
    private AgentsPlayground _patti = null!;

    public async Task InitializeAsync()
    {
        var port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(new Dictionary<string, string?>
        {
            ["EvalBot:SeedDemo"] = "true", ["Scheduling:Enabled"] = "false", ["Admin:ApiKey"] = AdminKey, ["Classification:RequireReviewSteps"] = "true",
        });
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
        await _patti.DisposeAsync();
        await _megan.DisposeAsync();
        await _alex.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Two_people_comment_the_chair_approves_the_minutes_from_her_private_card_and_then_the_head_decides()
    {
        var year = TimeProvider.System.GetUtcNow().AddHours(7).Year.ToString(CultureInfo.InvariantCulture);
        var ids = await _bot.QueryAsync(db => db.People.Where(p => p.ExternalId == "P-ALEX" || p.ExternalId == "P-ADELE" || p.ExternalId == "P-MEGAN").ToDictionaryAsync(p => p.ExternalId, p => p.Id));
        var unit = (await _bot.QueryAsync(db => db.Units.SingleAsync(u => u.ExternalId == "PTH"))).Id.ToString(CultureInfo.InvariantCulture);
        JsonObject Comment(string subject, string text) => new() { ["year"] = year, ["unit"] = unit, ["subject"] = ids[subject].ToString(CultureInfo.InvariantCulture), ["comment"] = text };

        var compile = await _admin.PostAsync($"/admin/years/{year}/compile", null);
        Assert.True(compile.IsSuccessStatusCode, await compile.Content.ReadAsStringAsync());
        await SettleAsync(year, await compile.Content.ReadFromJsonAsync<JsonObject>());
        await TestReview.GiveStepsAsync(_bot, int.Parse(year, CultureInfo.InvariantCulture), exceptMeetingOf: "PTH");

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
        var shown = (await _megan.ExecuteAsync(meganId, "review.show", Comment("P-ALEX", ""))).Readable();
        Assert.Contains("Comments about Alex Wilber: 1 of the 2 in the minutes.", shown, StringComparison.Ordinal); // the Playground invokes in en-US
        Assert.DoesNotContain("Thorough with the summary reports", shown, StringComparison.Ordinal);

        // Patti decides the unit's staff (rule 25): while the minutes are open, her approval names who waits for the meeting.
        await _bot.InstallAsync(_patti);
        await _patti.NextBotMessageAsync(); // welcome
        await _patti.SendTextAsync($"classification {year}");
        var decision = await _patti.NextCardAsync(c => c.Contains("classification.approve", StringComparison.Ordinal));
        var decisionId = (string)decision["message"]!["messageId"]!;
        var over = Choices(decision["message"]!["attachments"]![0]!["content"]).ToList();
        if (over.Count > 0)
        {
            await _patti.ExecuteAsync(decisionId, "classification.demote", new JsonObject
            {
                ["year"] = year, ["list"] = "own", ["demote.people"] = string.Join(",", over), ["demote.reason"] = "Over the 20% quota",
            });
        }

        var refused = (await _patti.ExecuteAsync(decisionId, "classification.approve", new JsonObject { ["year"] = year, ["list"] = "own" })).Readable();
        Assert.Contains("Phạm Quốc Bảo: The step \\\"comment meeting with approved minutes\\\" is missing", refused, StringComparison.Ordinal);
        Assert.Equal(ClassificationState.Draft, await StateOfAsync("P-003", year));

        var approved = (await _megan.ExecuteAsync(meganId, "review.approve", new JsonObject { ["year"] = year, ["unit"] = unit })).Readable();
        // Her Playground's own client is English: the card that answers her press follows it.
        Assert.Contains("The minutes were approved at", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("review.approve", approved, StringComparison.Ordinal);

        var approvedList = (await _patti.ExecuteAsync(decisionId, "classification.approve", new JsonObject { ["year"] = year, ["list"] = "own" })).Readable();
        Assert.DoesNotContain("Cannot approve yet", approvedList, StringComparison.Ordinal);
        Assert.Equal(ClassificationState.Decided, await StateOfAsync("P-003", year));
        Assert.Equal(ClassificationState.Decided, await StateOfAsync("P-ALEX", year));

        var addendum = (await _alex.ExecuteAsync(alexId, "review.comment", Comment("P-ADELE", "She also finished the year-end report"))).Readable();
        Assert.Contains("Your addendum on Adele Vance is recorded.", addendum, StringComparison.Ordinal);

        var meeting = await _bot.QueryAsync(db => db.ReviewMeetings.AsNoTracking().Include(m => m.Entries).SingleAsync(m => m.UnitId == long.Parse(unit, CultureInfo.InvariantCulture) && m.Year == int.Parse(year, CultureInfo.InvariantCulture)));
        Assert.Equal(ids["P-MEGAN"], meeting.ChairPersonId);
        Assert.NotNull(meeting.ApprovedAt);
        Assert.Equal(
            [(ids["P-ALEX"], ids["P-ADELE"], false), (ids["P-MEGAN"], ids["P-ALEX"], false), (ids["P-ALEX"], ids["P-ADELE"], true)],
            meeting.Entries.OrderBy(e => e.Id).Select(e => (e.AuthorPersonId, e.SubjectPersonId, e.IsAddendum)));
    }

    /// <summary>The state of the person's current classification of the year.</summary>
    private Task<ClassificationState> StateOfAsync(string externalId, string year) => _bot.QueryAsync(db => db.Set<ClassificationRecord>()
        .Where(r => r.Year == int.Parse(year, CultureInfo.InvariantCulture) && db.People.Any(p => p.Id == r.PersonId && p.ExternalId == externalId))
        .OrderByDescending(r => r.Version).Select(r => r.State).FirstAsync());

    /// <summary>Cases the rules leave to the authority are decided through the admin API, as the competent level would.</summary>
    private async Task SettleAsync(string year, JsonObject? report)
    {
        foreach (var flagged in report!["units"]!.AsArray().SelectMany(u => u!["flagged"]!.AsArray()))
        {
            var response = await _admin.PostAsJsonAsync($"/admin/years/{year}/people/{(string)flagged!["personId"]!}/rerate", new { level = "HT", reason = "Quyết định của cấp có thẩm quyền", by = "Chủ tịch UBND" });
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The people over the quota offered on the decision card for a demotion.</summary>
    private static IEnumerable<string> Choices(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["id"] == "demote.people" => o["choices"]!.AsArray().Select(c => (string)c!["value"]!),
        JsonObject o => o.SelectMany(p => Choices(p.Value)),
        JsonArray a => a.SelectMany(Choices),
        _ => [],
    };
}
