using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Domain;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// A collective's Form 01 through the rating cards (Reg. 366 Art. 11): its head enters the year's task figures, the
/// shortcomings remedied and any conclusion of wrongdoing; the level follows the collective conditions (rules 14–16), the
/// reasons are on the card; the advisory body may correct a figure with a reason; bad figures are refused by name.
/// </summary>
public sealed class PartyCollectiveTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private PartyHost _host = null!;
    private long _collective;

    public async Task InitializeAsync()
    {
        _host = await PartyHost.StartOpenAsync();
        _collective = (await _host.CollectiveRatingAsync()).Id;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> SelfRateAsync(params (string Id, string Value)[] figures) =>
        Text(await _host.PressAsync("party.self", _collective, "aad-top", [("party.general", "28"), ("party.task", "64"), ("party.meetingOn", "2026-12-15"), .. figures]));

    [Fact]
    public async Task Rule16_collective_with_every_condition_met_is_proposed_HTXS_with_its_figures_and_reason_on_the_card()
    {
        var card = await SelfRateAsync(PartyHost.Form01());

        var row = await _host.CollectiveRatingAsync();
        Assert.Equal(((int?)Level.Excellent, PartyRatingStep.SelfRated), (row.SelfLevel, row.Step));
        Assert.Equal((10, 10, 10, 3, 2, 2), (row.SelfTasksPlanned, row.SelfTasksDone, row.SelfTasksOnTime, row.SelfTasksExceeded, row.SelfShortcomingsPointed, row.SelfShortcomingsRemedied));
        Assert.Contains("Số nhiệm vụ hoàn thành vượt mức", card, StringComparison.Ordinal);
        Assert.Contains("Tập thể đáp ứng các điều kiện của mức Hoàn thành xuất sắc nhiệm vụ", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule16_collective_missing_the_exceeded_share_is_capped_at_HTT_with_the_reason_on_the_card()
    {
        var card = await SelfRateAsync(PartyHost.Form01(exceeded: 2));

        Assert.Equal((int)Level.Good, (await _host.CollectiveRatingAsync()).SelfLevel);
        Assert.Contains("20% vượt mức", card, StringComparison.Ordinal);
        Assert.Contains("cần ≥ 30%", card, StringComparison.Ordinal);
        Assert.Contains("tối đa Hoàn thành tốt nhiệm vụ", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule14_collective_a_members_reprimand_in_the_year_makes_the_leadership_collective_KHT_whatever_the_points()
    {
        await _host.Inner.Bot.QueryAsync(db =>
        {
            db.Disciplines.Add(new DisciplineRecord
            {
                ExternalId = "KL-1", PersonId = _host.Ids["P-HEAD"], ViolationId = "V-1", DecisionDate = new DateOnly(2026, 6, 2), Track = "party", Sanction = "reprimand",
            });
            return db.SaveChangesAsync();
        });

        var card = await SelfRateAsync(PartyHost.Form01());

        Assert.Equal((int)Level.NotComplete, (await _host.CollectiveRatingAsync()).SelfLevel);
        Assert.Contains("bị kỷ luật từ khiển trách trở lên", card, StringComparison.Ordinal);
        Assert.Contains("02/06/2026", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verification_corrects_a_figure_only_with_a_reason_and_the_decision_card_shows_both_figures()
    {
        await SelfRateAsync(PartyHost.Form01());
        _host.Time.Skip(TimeSpan.FromDays(5));
        (string, string)[] corrected = [("party.general", "28"), ("party.task", "64"), .. PartyHost.Form01(onTime: 8)];

        var refused = Text(await _host.PressAsync("party.verify", _collective, "aad-board", corrected));
        Assert.Contains("Cần ghi ý kiến", refused, StringComparison.Ordinal);
        Assert.Equal(PartyRatingStep.SelfRated, (await _host.CollectiveRatingAsync()).Step);

        var card = Text(await _host.PressAsync("party.verify", _collective, "aad-board", [.. corrected, ("party.note", "Biên bản kiểm tra: 2 nhiệm vụ chậm tiến độ")]));

        var row = await _host.CollectiveRatingAsync();
        Assert.Equal((PartyRatingStep.Verified, 10, 8, (int?)Level.Complete), (row.Step, row.SelfTasksOnTime!.Value, row.VerifiedTasksOnTime!.Value, row.ProposedLevel));
        Assert.Contains("party.level", card, StringComparison.Ordinal);
        Assert.Contains("tự báo cáo: 10", card, StringComparison.Ordinal);
        Assert.Contains("80% đúng hạn, bảo đảm chất lượng", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("party.tasksPlanned", "mười", "«Số nhiệm vụ theo kế hoạch năm» phải là một số nguyên")]
    [InlineData("party.tasksDone", "-1", "«Số nhiệm vụ đã hoàn thành» phải là một số nguyên")]
    [InlineData("party.tasksDone", "11", "«Số nhiệm vụ đã hoàn thành» không được lớn hơn số nhiệm vụ theo kế hoạch năm")]
    [InlineData("party.tasksExceeded", "2.5", "«Số nhiệm vụ hoàn thành vượt mức» phải là một số nguyên")]
    [InlineData("party.shortcomingsRemedied", "3", "«Số hạn chế, khuyết điểm đã khắc phục» không được lớn hơn số đã được chỉ ra")]
    [InlineData("party.tasksPlanned", "0", "«Số nhiệm vụ theo kế hoạch năm» phải ít nhất là 1")]
    public async Task Invalid_figures_are_refused_naming_the_field_and_nothing_is_recorded(string field, string value, string error)
    {
        var card = await SelfRateAsync([.. PartyHost.Form01().Where(f => f.Id != field), (field, value)]);

        Assert.Contains(error, card, StringComparison.Ordinal);
        var row = await _host.CollectiveRatingAsync();
        Assert.Equal((PartyRatingStep.Open, (int?)null), (row.Step, row.SelfTasksPlanned));
    }

    private static string Text(JsonObject answer) => answer.ToJsonString(Readable);
}
