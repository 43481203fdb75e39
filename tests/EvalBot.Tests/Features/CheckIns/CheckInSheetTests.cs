using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.CheckIns;

/// <summary>A person whose post has a score sheet scores its general criteria, with their own maxima and descriptions.</summary>
public sealed class CheckInSheetTests : IAsyncLifetime
{
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;
    private TestOrganisation _org = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _bot = new EvalBotFactory();
        _client = _bot.CreateClient();
        _org = await TestOrganisation.CreateAsync(_bot, TimeProvider.System.GetUtcNow());
        await _bot.QueryAsync(async db =>
        {
            var post = new Post { ExternalId = "CV", Name = "Chuyên viên" };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            (await db.People.SingleAsync(p => p.Id == _org.Staff.Id)).PostId = post.Id;
            TestSheets.StaffSheet(db, post);
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    private JsonObject Report(string ethics)
    {
        var data = new JsonObject { ["period"] = TestOrganisation.Period, ["general.ethics"] = ethics, ["general.skill"] = "9", ["general.creativity"] = "7,5", ["selfCriticism"] = "" };
        foreach (var t in _org.StaffTargets)
        {
            foreach (var field in new[] { "done", "qualityOk", "onTime" }) data[$"target.{t.Id}.{field}"] = t.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture);
            data[$"target.{t.Id}.evidence"] = "Sổ theo dõi";
        }

        return data;
    }

    private async Task<JsonObject> InvokeAsync(string verb, JsonObject data)
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Activities.Invoke(_teams.ServiceUrl, verb, data, userAad: "aad-user-1"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task The_card_shows_the_sheets_general_criteria_with_their_maxima_and_what_earns_the_points()
    {
        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "báo cáo"));
        var card = (await _teams.NextCardAsync(c => c.Contains("checkin.submit", StringComparison.Ordinal))).FirstCard.Readable();

        Assert.Contains("general.ethics", card, StringComparison.Ordinal);
        Assert.Contains("Đạo đức công vụ (0–12)", card, StringComparison.Ordinal);
        Assert.Contains("Sáng kiến (0–8)", card, StringComparison.Ordinal);
        Assert.Contains("Không vi phạm kỷ luật: đủ 12 điểm", card, StringComparison.Ordinal);
        Assert.DoesNotContain("general.politics", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_points_are_scored_on_the_sheets_maxima_and_summed_into_the_general_score()
    {
        var refused = await InvokeAsync("checkin.submit", Report("12,5"));
        Assert.Contains("Phải nằm trong khoảng 0–12", refused["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(0, await _bot.QueryAsync(db => db.CheckInReports.CountAsync()));

        await InvokeAsync("checkin.submit", Report("11"));

        var report = await _bot.QueryAsync(db => db.CheckInReports.SingleAsync());
        Assert.Equal(CheckInStatus.Submitted, report.Status);
        Assert.Contains("\"ethics\":11", report.GeneralJson, StringComparison.Ordinal);
        Assert.Equal(70m + 11m + 9m + 7.5m, report.Score);
        var review = await _bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "checkin.review"));
        Assert.Contains("Đạo đức công vụ", review.ActivityJson, StringComparison.Ordinal);
        Assert.Contains("Không vi phạm kỷ luật: đủ 12 điểm", review.ActivityJson, StringComparison.Ordinal);
    }
}
