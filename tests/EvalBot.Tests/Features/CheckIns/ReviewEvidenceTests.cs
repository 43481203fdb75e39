using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.CheckIns;

/// <summary>Rule 36: a period's completed work without evidence is unverified, and the leader cannot confirm it.</summary>
public sealed class ReviewEvidenceTests : IAsyncLifetime
{
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory? _bot;
    private HttpClient? _client;
    private TestOrganisation _org = null!;
    private long _reportId;

    public async Task InitializeAsync() => _teams = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_bot is not null) await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    /// <summary>A submitted report whose second product has completed work and no evidence.</summary>
    private async Task<EvalBotFactory> SubmittedWithoutEvidenceAsync(bool requireEvidence)
    {
        _bot = new EvalBotFactory(requireEvidence ? null : new Dictionary<string, string?> { ["CheckIns:RequireEvidence"] = "false" });
        _client = _bot.CreateClient();
        _org = await TestOrganisation.CreateAsync(_bot, TimeProvider.System.GetUtcNow());
        var t0 = _org.StaffTargets[0].Id;
        var t1 = _org.StaffTargets[1].Id;
        await InvokeAsync("checkin.submit", new JsonObject
        {
            ["period"] = TestOrganisation.Period,
            [$"target.{t0}.done"] = "9", [$"target.{t0}.qualityOk"] = "9", [$"target.{t0}.onTime"] = "9", [$"target.{t0}.evidence"] = "VB-1",
            [$"target.{t1}.done"] = "40", [$"target.{t1}.qualityOk"] = "40", [$"target.{t1}.onTime"] = "40", [$"target.{t1}.evidence"] = requireEvidence ? "Sổ" : "",
            ["general.politics"] = "9", ["general.competence"] = "9", ["general.innovation"] = "9",
        }, "aad-user-1");
        // A report stored before evidence was required (or brought in by an import) may carry none.
        await _bot.QueryAsync(db => db.CheckInLines.Where(l => l.TargetId == t1).ExecuteUpdateAsync(u => u.SetProperty(l => l.Evidence, (string?)null)));
        _reportId = await _bot.QueryAsync(db => db.CheckInReports.Select(r => r.Id).SingleAsync());
        return _bot;
    }

    private async Task<JsonObject> InvokeAsync(string verb, JsonObject data, string user, string? locale = null)
    {
        var response = await _client!.PostAsJsonAsync("/api/messages", Activities.Invoke(_teams.ServiceUrl, verb, data, userAad: user, locale: locale));
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

    [Theory]
    [InlineData(null, "Chưa được kiểm chứng", "Sản phẩm hoàn thành nhưng không có minh chứng: ")]
    [InlineData("en-US", "Unverified: completed work with no evidence", "Completed work with no evidence: ")]
    public async Task Completed_work_without_evidence_is_unverified_and_confirming_it_is_refused_naming_the_product(string? locale, string label, string refusal)
    {
        var bot = await SubmittedWithoutEvidenceAsync(requireEvidence: true);

        var answer = await InvokeAsync("checkin.confirm", Decision(), "aad-leader", locale);

        var card = answer["value"].Readable();
        Assert.Contains(label, card, StringComparison.Ordinal);
        Assert.Contains(refusal + _org.StaffTargets[1].Title, card, StringComparison.Ordinal);
        Assert.DoesNotContain(refusal + _org.StaffTargets[0].Title, card, StringComparison.Ordinal);
        Assert.Equal(CheckInStatus.Submitted, await bot.QueryAsync(db => db.CheckInReports.Select(r => r.Status).SingleAsync()));
        Assert.False(await bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.Kind == "checkin.result")));
    }

    [Fact]
    public async Task Raising_the_output_of_a_product_without_evidence_is_refused_too()
    {
        var bot = await SubmittedWithoutEvidenceAsync(requireEvidence: true);
        var t1 = _org.StaffTargets[1].Id;

        await InvokeAsync("checkin.adjust", Decision(($"target.{t1}.done", "41"), ($"target.{t1}.reason", "Đếm lại")), "aad-leader");

        Assert.Equal(CheckInStatus.Submitted, await bot.QueryAsync(db => db.CheckInReports.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_leader_may_decide_once_the_unverified_product_is_adjusted_to_zero_output()
    {
        var bot = await SubmittedWithoutEvidenceAsync(requireEvidence: true);
        var t1 = _org.StaffTargets[1].Id;

        await InvokeAsync("checkin.adjust", Decision(
            ($"target.{t1}.done", "0"), ($"target.{t1}.qualityOk", "0"), ($"target.{t1}.onTime", "0"), ($"target.{t1}.reason", "Không có minh chứng")), "aad-leader");

        var report = await bot.QueryAsync(db => db.CheckInReports.Include(r => r.Lines).SingleAsync());
        Assert.Equal(CheckInStatus.Adjusted, report.Status);
        Assert.Equal(0, report.Lines.Single(l => l.TargetId == t1).Done);
    }

    [Fact]
    public async Task When_evidence_is_not_required_completed_work_without_it_is_confirmed()
    {
        var bot = await SubmittedWithoutEvidenceAsync(requireEvidence: false);

        var answer = await InvokeAsync("checkin.confirm", Decision(), "aad-leader");

        Assert.DoesNotContain("Chưa được kiểm chứng", answer["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(CheckInStatus.Confirmed, await bot.QueryAsync(db => db.CheckInReports.Select(r => r.Status).SingleAsync()));
    }
}
