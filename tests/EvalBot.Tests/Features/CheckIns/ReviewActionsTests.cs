using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.CheckIns;

/// <summary>The direct leader confirms or adjusts a submitted report; the person is told what changed and why.</summary>
public sealed class ReviewActionsTests : IAsyncLifetime
{
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;
    private TestOrganisation _org = null!;
    private long _reportId;

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
        _reportId = await _bot.QueryAsync(db => db.CheckInReports.Select(r => r.Id).SingleAsync());
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

    private JsonObject Decision(params (string Key, string Value)[] fields)
    {
        var data = new JsonObject { ["reportId"] = _reportId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["general.politics"] = "9", ["general.competence"] = "9", ["general.innovation"] = "9" };
        foreach (var (key, value) in fields)
        {
            data[key] = value;
        }

        return data;
    }

    [Fact]
    public async Task The_direct_leader_confirms_and_the_person_is_told()
    {
        var answer = await InvokeAsync("checkin.confirm", Decision(), "aad-leader");

        var report = await _bot.QueryAsync(db => db.CheckInReports.SingleAsync());
        var result = await _bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "checkin.result"));
        Assert.Contains("Đã xác nhận", answer["value"].Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("checkin.confirm", answer["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(CheckInStatus.Confirmed, report.Status);
        Assert.Equal(_org.Leader.Id, report.ReviewedByPersonId);
        Assert.Equal("aad-user-1", result.RecipientAadObjectId);
    }

    [Fact]
    public async Task The_result_names_the_period_and_says_how_and_until_when_to_ask_for_a_review()
    {
        await InvokeAsync("checkin.confirm", Decision(), "aad-leader");

        var result = await _bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "checkin.result"));
        var text = System.Text.RegularExpressions.Regex.Unescape(result.ActivityJson);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), zone).DateTime).AddDays(new ComplaintOptions().PeriodResultDays);
        Assert.Contains(EvalBot.Domain.PeriodNames.Vi(TestOrganisation.Period), text, StringComparison.Ordinal);
        Assert.Contains("đề nghị lãnh đạo trực tiếp xem xét lại", text, StringComparison.Ordinal);
        Assert.Contains("chậm nhất ngày " + lastDay.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aad-user-2")]
    [InlineData("aad-user-1")]
    [InlineData("aad-stranger")]
    public async Task Only_the_direct_leader_or_the_head_may_decide_never_the_person_themselves(string user)
    {
        var answer = await InvokeAsync("checkin.confirm", Decision(), user);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.Equal(CheckInStatus.Submitted, await _bot.QueryAsync(db => db.CheckInReports.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_unit_head_may_decide_too()
    {
        await InvokeAsync("checkin.confirm", Decision(), "aad-head");

        Assert.Equal(CheckInStatus.Confirmed, await _bot.QueryAsync(db => db.CheckInReports.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Changing_a_figure_without_a_reason_is_refused_with_the_error_next_to_it()
    {
        var t0 = _org.StaffTargets[0].Id;

        var answer = await InvokeAsync("checkin.adjust", Decision(($"target.{t0}.done", "7")), "aad-leader");

        Assert.Contains("Cần ghi lý do", answer["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(CheckInStatus.Submitted, await _bot.QueryAsync(db => db.CheckInReports.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_adjustment_with_reasons_deductions_and_a_remediation_item_is_recorded_audited_and_explained()
    {
        var t0 = _org.StaffTargets[0].Id;
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await InvokeAsync("checkin.adjust", Decision(
            ($"target.{t0}.done", "8"), ($"target.{t0}.qualityOk", "8"), ($"target.{t0}.onTime", "8"),
            ($"target.{t0}.reason", "Một văn bản chưa ban hành"), ($"target.{t0}.failedChecks", "1"),
            ("remediation.new.text", "Rà soát kỹ trước khi trình"), ("remediation.new.due", due)), "aad-leader");

        var report = await _bot.QueryAsync(db => db.CheckInReports.Include(r => r.Lines).SingleAsync());
        var line = report.Lines.Single(l => l.TargetId == t0);
        var result = await _bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "checkin.result"));
        Assert.Equal(CheckInStatus.Adjusted, report.Status);
        Assert.Equal(8, line.Done);
        Assert.Equal(1, line.FailedChecks);
        Assert.Equal("Một văn bản chưa ban hành", line.AdjustReason);
        Assert.Equal(1, await _bot.QueryAsync(db => db.RemediationItems.CountAsync(r => r.PersonId == _org.Staff.Id && r.Status == RemediationItemStatus.Open)));
        Assert.Contains("Một văn bản chưa ban hành", System.Text.RegularExpressions.Regex.Unescape(result.ActivityJson), StringComparison.Ordinal);
        Assert.True(await _bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "checkin.line.adjust")) >= 3);
        Assert.True(await _bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "checkin.deduction")));
    }

    [Fact]
    public async Task An_objective_cause_needs_its_confirming_document()
    {
        var t0 = _org.StaffTargets[0].Id;

        var answer = await InvokeAsync("checkin.confirm", Decision(($"target.{t0}.delays", "1"), ($"target.{t0}.objectiveCause", "true")), "aad-leader");

        Assert.Contains("Cần văn bản xác nhận", answer["value"].Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decided_report_cannot_be_decided_again()
    {
        await InvokeAsync("checkin.confirm", Decision(), "aad-leader");

        var again = await InvokeAsync("checkin.adjust", Decision(), "aad-head");

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)again["type"]);
        Assert.Equal(_org.Leader.Id, await _bot.QueryAsync(db => db.CheckInReports.Select(r => r.ReviewedByPersonId).SingleAsync()));
    }
}
