using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// The Party track end to end through the endpoint: the round opens only after the state ratings (rule 2), each member's
/// three steps on cards by the right people (rule 31), collectives before their members (rule 32), a leader's two
/// reviews (rule 33), a complaint holding the decision until re-checked, and the result sent to the member.
/// </summary>
public sealed class PartyTrackTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly (string, string) Residence = ("party.residence", "Gương mẫu nơi cư trú");
    private PartyHost _host = null!;

    public async Task InitializeAsync() => _host = await PartyHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rule02_the_round_is_refused_with_the_undecided_units_until_the_state_ratings_are_decided()
    {
        var refused = await _host.OpenAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var body = (await refused.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString(Readable);
        Assert.Contains("Phòng Tổng hợp", body, StringComparison.Ordinal);
        Assert.Equal(0, await _host.Inner.Bot.QueryAsync(db => db.PartyRatings.CountAsync()));

        await _host.DecideStateAsync();
        await _host.Inner.SayAsync("trợ giúp", "aad-board");
        var opened = await _host.OpenAsync();
        var again = await _host.OpenAsync();

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var result = (await opened.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(5, (int)result["opened"]!);
        Assert.Equal(["Nhân Viên C"], result["excluded"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(0, (int)(await again.Content.ReadFromJsonAsync<JsonObject>())!["opened"]!);
        var selfCards = await _host.Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "party.selfrate").Select(o => o.RecipientAadObjectId).ToListAsync());
        Assert.Equal(["aad-00", "aad-01", "aad-head", "aad-top", "aad-top"], selfCards.Order(StringComparer.Ordinal));
        var suggested = await _host.RatingOfAsync("P-00");
        Assert.NotNull(suggested.SuggestedTask);
        Assert.Equal(1, suggested.StateLevel.HasValue ? 1 : 0);
    }

    [Fact]
    public async Task Rule31_a_member_self_rates_the_advisory_body_verifies_the_competent_level_decides_and_the_member_gets_the_result()
    {
        await OpenAsync();
        var id = (await _host.RatingOfAsync("P-01")).Id;

        var self = await _host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60,5"), ("party.strengths", "Đúng hạn"), ("party.shortcomings", "Chưa chủ động"), ("party.direction", "Chủ động hơn"));
        Assert.Contains("Đã gửi bản tự đánh giá: Hoàn thành tốt nhiệm vụ", Text(self), StringComparison.Ordinal);
        Assert.True(await Queued("party.verify", "aad-board"));

        var unexplained = await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "24"), ("party.task", "60.5"));
        Assert.Contains("Cần ghi ý kiến", Text(unexplained), StringComparison.Ordinal);
        Assert.Equal(PartyRatingStep.SelfRated, (await _host.RatingOfAsync("P-01")).Step);

        await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "24"), ("party.task", "60.5"), ("party.note", "Trừ 1 điểm tiêu chí chung"), Residence);
        Assert.True(await Queued("party.decide", "aad-top"));
        var decided = await _host.PressAsync("party.decide", id, "aad-top", ("party.level", "HTT"));

        Assert.Contains("Đã quyết định: Hoàn thành tốt nhiệm vụ", Text(decided), StringComparison.Ordinal);
        var row = await _host.RatingOfAsync("P-01");
        Assert.Equal((PartyRatingStep.Decided, 1, 24m, 60.5m), (row.Step, row.Level!.Value, row.VerifiedGeneral!.Value, row.VerifiedTask!.Value));
        Assert.Equal("Trừ 1 điểm tiêu chí chung", row.VerificationNote);
        Assert.True(await Queued("party.view", "aad-01"));
    }

    [Theory]
    [InlineData("party.self", "aad-00")]
    [InlineData("party.verify", "aad-01")]
    [InlineData("party.verify", "aad-top")]
    [InlineData("party.decide", "aad-board")]
    [InlineData("party.decide", "aad-01")]
    [InlineData("party.self", "aad-stranger")]
    public async Task Rule31_only_the_holder_of_the_step_takes_it_and_nothing_about_the_rating_is_said_to_anyone_else(string verb, string user)
    {
        await OpenAsync();
        var id = (await _host.RatingOfAsync("P-01")).Id;
        if (verb != "party.self") await _host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60"));
        if (verb == "party.decide") await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "25"), ("party.task", "60"));
        var before = await _host.RatingOfAsync("P-01");

        var answer = await _host.PressAsync(verb, id, user, ("party.general", "30"), ("party.task", "70"), ("party.level", "HTXS"), ("party.note", "x"));

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.DoesNotContain("Nhân Viên B", answer.ToJsonString(Readable), StringComparison.Ordinal);
        Assert.Equal((before.Step, before.SelfGeneral, before.VerifiedGeneral, before.Level), await StateAsync("P-01"));
    }

    [Fact]
    public async Task Rule31_a_complaint_holds_the_decision_until_the_superior_committee_re_checks_it()
    {
        await OpenAsync();
        var id = await VerifiedAsync("P-00", "aad-00");
        var complaint = await _host.AdminPostAsync($"/admin/party/ratings/{id}/complaints", new { text = "Đơn phản ánh về kết quả", by = "Văn phòng Đảng ủy" });

        var held = await _host.PressAsync("party.decide", id, "aad-top", ("party.level", "HTXS"));
        Assert.Contains("chưa được cấp ủy cấp trên thẩm tra lại", Text(held), StringComparison.Ordinal);
        Assert.Equal(PartyRatingStep.Verified, (await _host.RatingOfAsync("P-00")).Step);

        await _host.AdminPostAsync($"/admin/party/complaints/{(long)complaint["id"]!}/recheck", new { text = "Đã thẩm tra, không có căn cứ", by = "Ban Thường vụ" });
        await _host.PressAsync("party.decide", id, "aad-top", ("party.level", "HTT"), ("party.note", "Ghi nhận"));

        Assert.Equal(PartyRatingStep.Decided, (await _host.RatingOfAsync("P-00")).Step);
    }

    [Fact]
    public async Task Rules32_and_33_a_leader_is_decided_after_their_leadership_collective_and_after_both_reviews_cell_first()
    {
        await OpenAsync();
        var head = await VerifiedAsync("P-HEAD", "aad-head");

        var first = Text(await _host.PressAsync("party.decide", head, "aad-top", ("party.level", "HTT")));
        Assert.Contains("Tập thể lãnh đạo UBND xã", first, StringComparison.Ordinal);
        Assert.Contains("kiểm điểm ở tập thể lãnh đạo", first, StringComparison.Ordinal);

        var collective = (await _host.CollectiveRatingAsync()).Id;
        await _host.PressAsync("party.self", collective, "aad-top", [("party.general", "27"), ("party.task", "63"), ("party.meetingOn", "2026-12-15"), .. PartyHost.Form01()]);
        _host.Time.Skip(TimeSpan.FromDays(5));
        await _host.PressAsync("party.verify", collective, "aad-board", [("party.general", "27"), ("party.task", "63"), .. PartyHost.Form01()]);
        await _host.PressAsync("party.decide", collective, "aad-board", ("party.level", "HTXS"));
        Assert.Equal(PartyRatingStep.Decided, (await _host.CollectiveRatingAsync()).Step);

        var wrongOrder = Text(await _host.PressAsync("party.verify", head, "aad-board", ("party.general", "25"), ("party.task", "60"), ("party.cellDate", "2026-12-05"), ("party.collectiveDate", "2026-12-03")));
        Assert.Contains("chi bộ phải kiểm điểm trước", wrongOrder, StringComparison.Ordinal);
        Assert.Null((await _host.RatingOfAsync("P-HEAD")).CollectiveReviewedOn);
        await _host.PressAsync("party.verify", head, "aad-board", ("party.general", "25"), ("party.task", "60"), ("party.cellDate", "2026-12-03"), ("party.collectiveDate", "2026-12-05"), Residence);
        var decided = Text(await _host.PressAsync("party.decide", head, "aad-top", ("party.level", "HTT")));

        Assert.True(PartyRatingStep.Decided == (await _host.RatingOfAsync("P-HEAD")).Step, decided);
    }

    [Fact]
    public async Task Nobody_decides_their_own_rating_the_chairs_goes_up_to_the_committee_whose_competent_level_is_the_board()
    {
        await OpenAsync();
        var top = await VerifiedAsync("P-TOP", "aad-top");

        var own = await _host.PressAsync("party.decide", top, "aad-top", ("party.level", "HTXS"));

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)own["type"]);
        Assert.True(await Queued("party.decide", "aad-board"));
    }

    private async Task OpenAsync()
    {
        await _host.DecideStateAsync();
        Assert.Equal(HttpStatusCode.OK, (await _host.OpenAsync()).StatusCode);
    }

    private async Task<long> VerifiedAsync(string person, string user)
    {
        var id = (await _host.RatingOfAsync(person)).Id;
        await _host.PressAsync("party.self", id, user, ("party.general", "25"), ("party.task", "60"));
        await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "25"), ("party.task", "60"), Residence);
        return id;
    }

    private async Task<(PartyRatingStep, decimal?, decimal?, int?)> StateAsync(string person)
    {
        var r = await _host.RatingOfAsync(person);
        return (r.Step, r.SelfGeneral, r.VerifiedGeneral, r.Level);
    }

    private Task<bool> Queued(string kind, string aad) =>
        _host.Inner.Bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.Kind == kind && o.RecipientAadObjectId == aad));

    private static string Text(JsonObject answer) => answer.ToJsonString(Readable);
}
