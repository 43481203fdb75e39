using System.Text.RegularExpressions;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// Rule 41 after the decision: a member decided HTXS is flagged for the certificate of merit, and after five consecutive
/// HTXS years for a higher award, on their result card and on the Party list; a member decided HTT is not flagged.
/// </summary>
public sealed class PartyHonoursTests : IAsyncLifetime
{
    private PartyHost _host = null!;

    public async Task InitializeAsync() => _host = await PartyHost.StartOpenAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rule41_a_fifth_consecutive_HTXS_year_flags_the_certificate_and_a_higher_award_on_the_result_and_the_list()
    {
        var rating = await _host.RatingOfAsync("P-00");
        await _host.Inner.Bot.QueryAsync(async db =>
        {
            foreach (var year in Enumerable.Range(2022, 4))
            {
                db.PartyRatings.Add(new PartyRating
                {
                    Year = year, PersonId = rating.PersonId, PartyOrganisationId = rating.PartyOrganisationId, Step = PartyRatingStep.Decided,
                    Level = (int)EvalBot.Domain.Level.Excellent, OpenedAt = rating.OpenedAt,
                });
            }

            // Room in the quota: five members of the same group decided HTT.
            foreach (var other in await db.PartyRatings.Where(r => r.Year == 2026 && r.PersonId != null && r.Id != rating.Id).ToListAsync())
                (other.Level, other.Step, other.GroupKey) = ((int)EvalBot.Domain.Level.Good, PartyRatingStep.Decided, rating.GroupKey);
            foreach (var extra in new[] { "P-02", "P-BOARD" })
            {
                db.PartyRatings.Add(new PartyRating
                {
                    Year = 2026, PersonId = _host.Ids[extra], PartyOrganisationId = rating.PartyOrganisationId, GroupKey = rating.GroupKey,
                    Step = PartyRatingStep.Decided, Level = (int)EvalBot.Domain.Level.Good, OpenedAt = rating.OpenedAt,
                });
            }

            return await db.SaveChangesAsync();
        });
        await _host.PressAsync("party.self", rating.Id, "aad-00", ("party.general", "29"), ("party.task", "68"));
        await _host.PressAsync("party.verify", rating.Id, "aad-board", ("party.general", "29"), ("party.task", "68"), ("party.residence", "Gương mẫu nơi cư trú"));

        await _host.PressAsync("party.decide", rating.Id, "aad-top", ("party.level", "HTXS"), ("party.note", "Thành tích nổi bật"));

        var result = await _host.Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "party.view" && o.RecipientAadObjectId == "aad-00").Select(o => o.ActivityJson).SingleAsync());
        var shown = Regex.Unescape(result).Replace("\\", "", StringComparison.Ordinal); // card text escapes Markdown
        Assert.Contains("Hoàn thành xuất sắc nhiệm vụ năm 2026: đủ điều kiện đề nghị tặng Giấy khen.", shown, StringComparison.Ordinal);
        Assert.Contains("5 năm liên tục hoàn thành xuất sắc nhiệm vụ (2022–2026): đủ điều kiện đề nghị khen thưởng cấp trên.", shown, StringComparison.Ordinal);

        var list = await _host.Inner.Admin.GetAsync("/admin/years/2026/party-classification.xlsx?org=CB");
        var rows = XlsxPackage.Read(await list.Content.ReadAsByteArrayAsync()).DataRows(9);
        Assert.Contains("đủ điều kiện đề nghị tặng Giấy khen", rows.Single(r => r["B"] == "Nhân Viên A")["G"], StringComparison.Ordinal);
        Assert.DoesNotContain("Giấy khen", rows.Single(r => r["B"] == "Nhân Viên B")["G"], StringComparison.Ordinal);
    }
}
