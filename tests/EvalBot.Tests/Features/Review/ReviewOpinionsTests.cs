using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Features.Review;

/// <summary>
/// Rule 37's opinions of the review file recorded in Teams through POST /api/messages: <c>ý kiến đánh giá</c> /
/// <c>review opinions</c> shows the organisation board a person's steps with their moments and why the decision waits;
/// <c>review.opinion</c> stores each changed opinion with the sender as recorder; nobody else may; the decision then passes.
/// </summary>
public sealed class ReviewOpinionsTests
{
    private static async Task<ClassificationHost> StartAsync(bool requireSteps = false)
    {
        var host = await ClassificationHost.StartAsync(excellent: 0, good: 1, teamIsAgency: true,
            settings: requireSteps ? new Dictionary<string, string?> { ["Classification:RequireReviewSteps"] = "true" } : null);
        await host.Bot.QueryAsync(async db =>
        {
            await db.People.ForEachAsync(p => p.Population = Population.PublicEmployee);
            return await db.SaveChangesAsync();
        });
        return host;
    }

    private static JsonObject Opinions(ClassificationHost host, string person, string? party = null, string? advisory = null)
    {
        var data = new JsonObject
        {
            ["year"] = "2026", ["person"] = host.People[person].Id.ToString(CultureInfo.InvariantCulture),
            ["recordedBy"] = host.People["P-TOP"].Id.ToString(CultureInfo.InvariantCulture),
        };
        if (party is not null) data["opinion.partyCommittee"] = party;
        if (advisory is not null) data["opinion.advisoryProposal"] = advisory;
        return data;
    }

    private static Task<List<ReviewOpinion>> StoredAsync(ClassificationHost host) =>
        host.Bot.QueryAsync(db => db.ReviewOpinions.AsNoTracking().OrderBy(o => o.Kind).ToListAsync());

    /// <summary>The bot's answer to a message, read from the outbox (other cards, such as the compile's, may be on their way meanwhile).</summary>
    private static async Task<string> AskAsync(ClassificationHost host, string text, string user, string? locale = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var activity = Activities.Message(host.Teams.ServiceUrl, text, userAad: user, conversationId: "a:" + user, id: id, locale: locale);
        (await host.Client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
        var rows = await host.Bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.DedupeKey.Contains(id) || o.ReplyToId == id).Select(o => o.ActivityJson).ToListAsync());
        var reply = JsonNode.Parse(Assert.Single(rows))!;
        return reply["attachments"] is JsonArray { Count: > 0 } a ? a[0]!["content"]!.Readable() : (string?)reply["text"] ?? "";
    }

    [Theory]
    [InlineData("ý kiến đánh giá P-HEAD 2026", "vi", "Ý kiến trong hồ sơ đánh giá năm 2026", "Nhận xét của cấp ủy nơi công tác (bắt buộc)", "Chưa có bước \\\"họp nhận xét, biên bản được thông qua\\\"")]
    [InlineData("review opinions Trưởng Phòng", "en", "Opinions in the review file 2026", "Comment of the workplace party committee (required)", "The step \\\"comment meeting with approved minutes\\\" is missing")]
    public async Task Rule37_the_board_sees_the_leaders_steps_with_their_moments_and_why_the_decision_waits(string command, string locale, string title, string label, string waits)
    {
        await using var host = await StartAsync();
        await host.CompileAsync();
        await host.InvokeAsync("classification.selfassess", new() { ["year"] = "2026", ["strengths"] = "Tốt", ["shortcomings"] = "Chậm", ["selfCriticism"] = "Sửa" }, "aad-head");

        var card = await AskAsync(host, command, "aad-board", locale);

        foreach (var part in new[] { title, "Trưởng Phòng Head", "Phòng Tổng hợp", label, waits, "review.opinion", "\"opinion.advisoryProposal\"" })
        {
            Assert.Contains(part, card, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rule37_a_board_member_records_the_opinions_as_themselves_and_an_unchanged_submit_changes_nothing()
    {
        await using var host = await StartAsync();
        await host.CompileAsync();

        var answer = (await host.InvokeAsync("review.opinion", Opinions(host, "P-HEAD", party: "Chi ủy nhận xét tốt", advisory: "Đề xuất HTT"), "aad-board")).Readable();
        var again = (await host.InvokeAsync("review.opinion", Opinions(host, "P-HEAD", party: "Chi ủy nhận xét tốt", advisory: ""), "aad-board")).Readable();

        Assert.Contains("Đã ghi: Nhận xét của cấp ủy nơi công tác, Đề xuất của cơ quan tham mưu tổ chức cán bộ.", answer, StringComparison.Ordinal);
        Assert.Contains("Ghi bởi Ban Tổ Chức lúc", answer, StringComparison.Ordinal);
        Assert.Contains("Không có ý kiến nào thay đổi.", again, StringComparison.Ordinal);
        var stored = await StoredAsync(host);
        Assert.Equal([(ReviewOpinionKind.PartyCommittee, "Chi ủy nhận xét tốt"), (ReviewOpinionKind.AdvisoryProposal, "Đề xuất HTT")], stored.Select(o => (o.Kind, o.Text)));
        Assert.All(stored, o => Assert.Equal(host.People["P-BOARD"].Id, o.RecordedByPersonId));
        Assert.Equal(2, await host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "review.opinion")));
    }

    [Fact]
    public async Task Someone_outside_the_board_a_year_not_compiled_an_unknown_name_and_a_too_long_opinion_are_refused()
    {
        await using var host = await StartAsync();

        Assert.Contains("chưa được tổng hợp", await AskAsync(host, "ý kiến đánh giá P-HEAD", "aad-board"), StringComparison.Ordinal);
        await host.CompileAsync();
        Assert.Contains("Chỉ Ban Tổ chức", await AskAsync(host, "ý kiến đánh giá P-HEAD", "aad-head"), StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy người nào khớp với", await AskAsync(host, "ý kiến đánh giá Không Ai", "aad-board"), StringComparison.Ordinal);
        Assert.Contains("Nhiều người khớp: Ban Tổ Chức (P-BOARD), Chủ tịch Top (P-TOP)", await AskAsync(host, "ý kiến đánh giá ch", "aad-board"), StringComparison.Ordinal);
        Assert.Contains("Chỉ Ban Tổ chức", (await host.InvokeAsync("review.opinion", Opinions(host, "P-HEAD", party: "Tự ghi"), "aad-head")).Readable(), StringComparison.Ordinal);
        var tooLong = (await host.InvokeAsync("review.opinion", Opinions(host, "P-HEAD", party: new string('x', 4001)), "aad-board")).Readable();
        Assert.Contains("tối đa 4000 ký tự", tooLong, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task Rule23_the_agency_head_decides_the_leader_once_the_board_has_recorded_the_opinions_in_teams()
    {
        await using var host = await StartAsync(requireSteps: true);
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();
        await host.Bot.QueryAsync(db => db.ReviewOpinions.ExecuteDeleteAsync());
        // The board member has no task figures: the competent level sets their level first.
        (await host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-BOARD/rerate", new { level = "HT", reason = "Quyết định của cấp có thẩm quyền", by = "Chủ tịch UBND" })).EnsureSuccessStatusCode();
        JsonObject Own() => new() { ["year"] = "2026", ["list"] = "own" };

        var waiting = (await host.InvokeAsync("classification.approve", Own(), "aad-top")).Readable();
        Assert.True(waiting.Contains("Trưởng Phòng Head: Chưa có bước", StringComparison.Ordinal), waiting);
        await host.InvokeAsync("review.opinion", Opinions(host, "P-HEAD", party: "Chi ủy nhận xét tốt", advisory: "Đề xuất HTT"), "aad-board");
        var decided = (await host.InvokeAsync("classification.approve", Own(), "aad-top")).Readable();

        Assert.Contains("Trưởng Phòng Head: Chưa có bước \\\"nhận xét của cấp ủy nơi công tác\\\"", waiting, StringComparison.Ordinal);
        Assert.Contains("Đã phê duyệt", decided, StringComparison.Ordinal);
        Assert.Equal(ClassificationState.Decided, await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>()
            .Where(r => r.PersonId == host.People["P-HEAD"].Id).OrderByDescending(r => r.Version).Select(r => r.State).FirstAsync()));
    }

    [Fact]
    public async Task An_opinion_entered_through_the_admin_api_names_its_recorder_when_given_and_shows_as_the_offices_otherwise()
    {
        await using var host = await StartAsync();
        await host.CompileAsync();

        var unknown = await host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-HEAD/review", new { kind = "partyCommittee", text = "Tốt", recordedBy = "P-NOBODY" });
        (await host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-HEAD/review", new { kind = "partyCommittee", text = "Chi ủy: tốt", recordedBy = "P-BOARD" })).EnsureSuccessStatusCode();
        (await host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-HEAD/review", new { kind = "advisoryProposal", text = "Đề xuất HTT" })).EnsureSuccessStatusCode();
        var card = await AskAsync(host, "ý kiến đánh giá P-HEAD 2026", "aad-board");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        var stored = await StoredAsync(host);
        Assert.Equal([(ReviewOpinionKind.PartyCommittee, host.People["P-BOARD"].Id), (ReviewOpinionKind.AdvisoryProposal, 0L)], stored.Select(o => (o.Kind, o.RecordedByPersonId)));
        Assert.Contains("Ghi bởi Ban Tổ Chức lúc", card, StringComparison.Ordinal);
        Assert.Contains("Ghi bởi văn phòng (nhập từ hồ sơ giấy) lúc", card, StringComparison.Ordinal);
    }
}
