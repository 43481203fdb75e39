using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Summaries;

/// <summary>The unit card's remind button: one reminder per person who has not reported, only from a leader of the unit.</summary>
public sealed class UnitRemindActionTests : IAsyncLifetime
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
        var t0 = _org.StaffTargets[0].Id;
        var t1 = _org.StaffTargets[1].Id;
        await InvokeAsync("checkin.submit", new JsonObject
        {
            ["period"] = TestOrganisation.Period,
            [$"target.{t0}.done"] = "9", [$"target.{t0}.qualityOk"] = "9", [$"target.{t0}.onTime"] = "9", [$"target.{t0}.evidence"] = "VB-1",
            [$"target.{t1}.done"] = "40", [$"target.{t1}.qualityOk"] = "40", [$"target.{t1}.onTime"] = "40", [$"target.{t1}.evidence"] = "Sổ",
            ["general.politics"] = "9", ["general.competence"] = "9", ["general.innovation"] = "9",
        }, "aad-user-1");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    private async Task<JsonObject> InvokeAsync(string verb, JsonObject data, string user)
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Activities.Invoke(_teams.ServiceUrl, verb, data, userAad: user));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private JsonObject Remind => new() { ["unit"] = _org.Unit.Id.ToString(CultureInfo.InvariantCulture), ["period"] = TestOrganisation.Period };

    private Task<List<string>> RemindedAsync() =>
        _bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "summary.remind").Select(o => o.RecipientAadObjectId!).ToListAsync());

    [Fact]
    public async Task The_head_reminds_each_person_who_has_not_reported_exactly_once()
    {
        var answer = await InvokeAsync("summary.remind", Remind, "aad-head");
        var again = await InvokeAsync("summary.remind", Remind, "aad-head");

        var reminded = await RemindedAsync();
        Assert.Equal(["aad-head", "aad-leader", "aad-user-2"], reminded.Order(StringComparer.Ordinal));
        Assert.Contains("Đã gửi nhắc nhở đến 3 người chưa báo cáo Quý 1/2026", answer.Readable(), StringComparison.Ordinal);
        Assert.Contains("Không còn ai cần nhắc", again.Readable(), StringComparison.Ordinal);
        var message = System.Text.RegularExpressions.Regex.Unescape(await _bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "summary.remind").Select(o => o.ActivityJson).FirstAsync()));
        Assert.Contains("Hạn báo cáo:", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aad-leader")]
    [InlineData("aad-user-2")]
    public async Task Someone_who_does_not_lead_the_unit_is_refused_and_nothing_is_queued(string user)
    {
        var answer = await InvokeAsync("summary.remind", Remind, user);

        Assert.Contains("Chỉ lãnh đạo của đơn vị này", answer.Readable(), StringComparison.Ordinal);
        Assert.Empty(await RemindedAsync());
    }

    [Fact]
    public async Task The_unit_card_offers_the_head_the_remind_button_and_a_summary_button_per_person()
    {
        var id = Guid.NewGuid().ToString("N");
        (await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "đơn vị", userAad: "aad-head", id: id))).EnsureSuccessStatusCode();

        var card = System.Text.RegularExpressions.Regex.Unescape(await _bot.QueryAsync(db => db.Outbox.Where(o => o.DedupeKey.Contains(id)).Select(o => o.ActivityJson).SingleAsync()));

        Assert.Contains("summary.remind", card, StringComparison.Ordinal);
        Assert.Contains("Nhắc 3 người chưa báo cáo", card, StringComparison.Ordinal);
        Assert.Contains("summary.show", card, StringComparison.Ordinal);
        Assert.Contains("Điểm bình quân", card, StringComparison.Ordinal);
    }
}
