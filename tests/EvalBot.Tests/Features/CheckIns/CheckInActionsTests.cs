using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.CheckIns;

/// <summary>A person reports on the check-in card, through the real endpoint, as Teams sends Action.Execute invokes.</summary>
public sealed class CheckInActionsTests : IAsyncLifetime
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
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    private string T(int index, string field) => $"target.{_org.StaffTargets[index].Id}.{field}";

    private JsonObject ValidReport() => new()
    {
        ["period"] = TestOrganisation.Period,
        [T(0, "done")] = "9",
        [T(0, "qualityOk")] = "8",
        [T(0, "onTime")] = "9",
        [T(0, "evidence")] = "https://vanban.example.gov.vn/1",
        [T(1, "done")] = "40",
        [T(1, "qualityOk")] = "40",
        [T(1, "onTime")] = "38,5",
        [T(1, "evidence")] = "Sổ theo dõi một cửa",
        ["general.politics"] = "9",
        ["general.competence"] = "9",
        ["general.innovation"] = "8",
        ["selfCriticism"] = "Còn chậm ở vài hồ sơ",
    };

    private async Task<JsonObject> InvokeAsync(string verb, JsonObject data, string user = "aad-user-1", string? id = null)
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Activities.Invoke(_teams.ServiceUrl, verb, data, userAad: user, id: id));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task A_valid_submission_is_stored_scored_and_sent_to_the_direct_leader()
    {
        var answer = await InvokeAsync("checkin.submit", ValidReport());

        var report = await _bot.QueryAsync(db => db.CheckInReports.Include(r => r.Lines).SingleAsync());
        var review = await _bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "checkin.review"));
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.Equal(CheckInStatus.Submitted, report.Status);
        Assert.Equal(1, report.Version);
        Assert.Equal(_org.Staff.Id, report.PersonId);
        Assert.Equal(38.5m, report.Lines.Single(l => l.TargetId == _org.StaffTargets[1].Id).OnTime);
        Assert.NotNull(report.Score);
        Assert.InRange(report.Score!.Value, 80m, 100m);
        Assert.Equal("aad-leader", review.RecipientAadObjectId);
        Assert.Contains("checkin.confirm", review.ActivityJson, StringComparison.Ordinal);
        Assert.True(await _bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "checkin.submit" && a.Actor == "aad-user-1")));
    }

    [Fact]
    public async Task Invalid_values_come_back_on_the_same_card_with_the_error_next_to_the_field_and_nothing_is_stored()
    {
        var data = ValidReport();
        data[T(0, "qualityOk")] = "12";
        data[T(1, "done")] = "-3";
        data[T(0, "evidence")] = "";
        data["general.politics"] = "45";

        var answer = await InvokeAsync("checkin.submit", data);
        var card = answer["value"].Readable();

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.Contains("Không được lớn hơn số lượng đã hoàn thành", card, StringComparison.Ordinal);
        Assert.Contains("Phải là một số không âm", card, StringComparison.Ordinal);
        Assert.Contains("Cần có minh chứng", card, StringComparison.Ordinal);
        Assert.Contains("Phải nằm trong khoảng 0–10", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"12\"", card, StringComparison.Ordinal);
        Assert.Equal(0, await _bot.QueryAsync(db => db.CheckInReports.CountAsync()));
        Assert.Equal(0, await _bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "checkin.review")));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("99999999999999999999999")]
    [InlineData("١٢")]
    [InlineData("12 OR 1=1")]
    public async Task Hostile_numbers_are_refused_without_storing_anything(string value)
    {
        var data = ValidReport();
        data[T(0, "done")] = value;

        var answer = await InvokeAsync("checkin.submit", data);

        Assert.Contains("Không phải là số hợp lệ", answer["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(0, await _bot.QueryAsync(db => db.CheckInReports.CountAsync()));
    }

    [Fact]
    public async Task A_card_naming_another_persons_target_is_refused()
    {
        var data = ValidReport();
        data[$"target.{_org.OtherTarget.Id}.done"] = "4";

        var answer = await InvokeAsync("checkin.submit", data);

        Assert.Contains("không thuộc về bạn", answer["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(0, await _bot.QueryAsync(db => db.CheckInReports.CountAsync()));
    }

    [Fact]
    public async Task Identity_comes_from_the_activity_not_from_card_data()
    {
        var data = ValidReport();
        data["personId"] = _org.Other.Id;
        data["aadObjectId"] = "aad-user-2";

        await InvokeAsync("checkin.submit", data);

        Assert.Equal(_org.Staff.Id, await _bot.QueryAsync(db => db.CheckInReports.Select(r => r.PersonId).SingleAsync()));
    }

    [Fact]
    public async Task Someone_outside_the_organisation_gets_a_clear_message_and_nothing_is_stored()
    {
        var answer = await InvokeAsync("checkin.submit", ValidReport(), user: "aad-stranger");

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.Contains("Ban Tổ chức", (string?)answer["value"], StringComparison.Ordinal);
        Assert.Equal(0, await _bot.QueryAsync(db => db.CheckInReports.CountAsync()));
    }

    [Fact]
    public async Task A_double_click_creates_one_version_and_a_changed_resubmission_a_second()
    {
        await InvokeAsync("checkin.submit", ValidReport());
        await InvokeAsync("checkin.submit", ValidReport());
        var changed = ValidReport();
        changed[T(0, "done")] = "10";
        changed[T(0, "onTime")] = "10";
        await InvokeAsync("checkin.submit", changed);

        var versions = await _bot.QueryAsync(db => db.CheckInReports.OrderBy(r => r.Version).ToListAsync());

        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([false, true], versions.Select(v => v.IsCurrent));
        // One review card for the person and period; the changed version replaced it before it was sent or updates it in place.
        Assert.Equal(1, await _bot.QueryAsync(db => db.Outbox.CountAsync(o => o.DedupeKey == $"checkin.review:{_org.Staff.Id}:{TestOrganisation.Period}")));
    }

    [Fact]
    public async Task A_draft_can_be_incomplete_and_is_not_sent_to_the_leader()
    {
        var answer = await InvokeAsync("checkin.save", new JsonObject { ["period"] = TestOrganisation.Period, [T(0, "done")] = "3" });

        var report = await _bot.QueryAsync(db => db.CheckInReports.Include(r => r.Lines).SingleAsync());
        Assert.Contains("Đã lưu bản nháp", answer["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(CheckInStatus.Draft, report.Status);
        Assert.Equal(0, await _bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "checkin.review")));
    }

    [Fact]
    public async Task Reporting_for_a_period_that_is_not_open_changes_nothing()
    {
        var data = ValidReport();
        data["period"] = "2025-Q4";

        var answer = await InvokeAsync("checkin.submit", data);

        Assert.Contains("đã đóng hoặc chưa mở", answer["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(0, await _bot.QueryAsync(db => db.CheckInReports.CountAsync()));
    }

    [Fact]
    public async Task The_same_submission_sent_as_Action_Submit_has_the_same_effect_and_updates_the_card()
    {
        var data = ValidReport();
        data["verb"] = "checkin.submit";
        var message = Activities.Message(_teams.ServiceUrl, "");
        message.Remove("text");
        message["value"] = data;
        message["replyToId"] = "card-msg-7";

        await _client.PostAsJsonAsync("/api/messages", message);
        var update = await _teams.NextAsync();
        while (update.Method != "PUT")
        {
            // The leader's review card may be delivered first.
            update = await _teams.NextAsync();
        }

        Assert.Equal(CheckInStatus.Submitted, await _bot.QueryAsync(db => db.CheckInReports.Select(r => r.Status).SingleAsync()));
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/card-msg-7", update.DecodedPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_bao_cao_shows_the_card_of_the_open_period()
    {
        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "báo cáo"));
        var reply = await _teams.NextCardAsync(card => card.Contains("checkin.submit", StringComparison.Ordinal));

        var card = reply.FirstCard.Readable();
        Assert.Contains($"target.{_org.StaffTargets[0].Id}.done", card, StringComparison.Ordinal);
        Assert.Contains("checkin.submit", card, StringComparison.Ordinal);
    }
}
