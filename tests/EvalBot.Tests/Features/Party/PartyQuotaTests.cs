using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// Rule 21 under QĐ366 at the competent level's decision: HTXS at most 20 % of the HTT members of the same party
/// organisation and group (25 % with the recorded decision for an outstanding organisation), refused with the counts, the
/// cap and who is over; the competent level decides a lower level with a comment, or records the exception on the card.
/// </summary>
public sealed class PartyQuotaTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly (string, string) Outstanding = ("party.note", "Thành tích nổi bật trong năm");
    private PartyHost _host = null!;
    private long _rating;

    public async Task InitializeAsync()
    {
        _host = await PartyHost.StartOpenAsync();
        _rating = (await _host.RatingOfAsync("P-00")).Id;
        await _host.PressAsync("party.self", _rating, "aad-00", ("party.general", "29"), ("party.task", "68"));
        await _host.PressAsync("party.verify", _rating, "aad-board", ("party.general", "29"), ("party.task", "68"), ("party.residence", "Gương mẫu nơi cư trú"));
        Assert.Equal(PartyRatingStep.Verified, (await _host.RatingOfAsync("P-00")).Step);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rule21_HTXS_over_20_percent_of_the_HTT_members_is_refused_with_who_is_over_and_a_lower_level_with_a_comment_is_decided()
    {
        await OthersDecidedGoodAsync(4); // floor(20 % × 4) = 0

        var refused = Text(await _host.PressAsync("party.decide", _rating, "aad-top", ("party.level", "HTXS"), Outstanding));

        Assert.Contains("Chi bộ Văn phòng: với mức này có 1 đảng viên Hoàn thành xuất sắc nhiệm vụ, vượt mức tối đa 0 (20% của 4 đảng viên", refused, StringComparison.Ordinal);
        Assert.Contains("Vượt, theo thứ tự điểm: Nhân Viên A", refused, StringComparison.Ordinal);
        Assert.Equal(PartyRatingStep.Verified, (await _host.RatingOfAsync("P-00")).Step);

        await _host.PressAsync("party.decide", _rating, "aad-top", ("party.level", "HTT"), ("party.note", "Vượt tỷ lệ 20 % của chi bộ"));
        Assert.Equal((PartyRatingStep.Decided, 1), ((await _host.RatingOfAsync("P-00")).Step, (await _host.RatingOfAsync("P-00")).Level!.Value));
    }

    [Fact]
    public async Task Rule21_five_HTT_members_leave_room_for_one_HTXS()
    {
        await OthersDecidedGoodAsync(5); // floor(20 % × 5) = 1

        await _host.PressAsync("party.decide", _rating, "aad-top", ("party.level", "HTXS"), Outstanding);

        Assert.Equal((PartyRatingStep.Decided, 0), ((await _host.RatingOfAsync("P-00")).Step, (await _host.RatingOfAsync("P-00")).Level!.Value));
    }

    [Fact]
    public async Task Rule21_the_exception_decision_recorded_on_the_card_allows_25_percent_and_is_kept_for_the_organisation_and_year()
    {
        await OthersDecidedGoodAsync(4); // floor(25 % × 4) = 1

        var incomplete = Text(await _host.PressAsync("party.decide", _rating, "aad-top", ("party.level", "HTXS"), Outstanding, ("party.exceptionNumber", "15-QĐ/ĐU")));
        Assert.Contains("cần số quyết định và ngày quyết định", incomplete, StringComparison.Ordinal);
        Assert.Equal(0, await _host.Inner.Bot.QueryAsync(db => db.PartyQuotaDecisions.CountAsync()));

        await _host.PressAsync("party.decide", _rating, "aad-top", ("party.level", "HTXS"), Outstanding, ("party.exceptionNumber", "15-QĐ/ĐU"), ("party.exceptionDate", "2026-12-01"));

        Assert.Equal((PartyRatingStep.Decided, 0), ((await _host.RatingOfAsync("P-00")).Step, (await _host.RatingOfAsync("P-00")).Level!.Value));
        var recorded = await _host.Inner.Bot.QueryAsync(db => db.PartyQuotaDecisions.AsNoTracking().SingleAsync());
        Assert.Equal(("15-QĐ/ĐU", new DateOnly(2026, 12, 1), "Chủ tịch Top", 2026), (recorded.DecisionNumber, recorded.DecidedOn, recorded.ApprovedBy, recorded.Year));
    }

    /// <summary>The cell's other members (and, beyond them, added ratings in the same group) decided HTT.</summary>
    private async Task OthersDecidedGoodAsync(int count)
    {
        var mine = await _host.RatingOfAsync("P-00");
        await _host.Inner.Bot.QueryAsync(async db =>
        {
            var others = await db.PartyRatings.Where(r => r.PersonId != null && r.Id != mine.Id).ToListAsync();
            foreach (var extra in new[] { "P-02", "P-BOARD" }.Take(Math.Max(0, count - others.Count)))
            {
                var added = new PartyRating { Year = mine.Year, PersonId = _host.Ids[extra], PartyOrganisationId = mine.PartyOrganisationId, OpenedAt = mine.OpenedAt };
                db.PartyRatings.Add(added);
                others.Add(added);
            }

            foreach (var r in others.Take(count))
            {
                (r.GroupKey, r.Level, r.Step, r.PartyOrganisationId) = (mine.GroupKey, (int)EvalBot.Domain.Level.Good, PartyRatingStep.Decided, mine.PartyOrganisationId);
            }

            return await db.SaveChangesAsync();
        });
    }

    private static string Text(JsonObject card) => card.ToJsonString(Readable);
}
