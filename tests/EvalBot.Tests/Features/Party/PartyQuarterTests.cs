using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// The quarterly self-assessment (Form 05) through the endpoint: filled when the leader confirms a Party member's check-in
/// and sent to the member, none for a non-member; rule 9 on the annual self-rating: a quarter without a record needs a
/// reason (or lawful leave the whole quarter), and the advisory body sees the reasons.
/// </summary>
public sealed class PartyQuarterTests : IAsyncLifetime
{
    private PartyHost _host = null!;

    public async Task InitializeAsync() => _host = await PartyHost.StartOpenAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rule09_a_confirmed_check_in_of_a_party_member_fills_the_quarter_record_and_sends_the_Form_05_card()
    {
        var report = await _host.SubmittedReportAsync("P-01", "2026-Q4");

        await _host.ConfirmAsync(report, "aad-head");

        var record = await QuarterAsync("P-01", 4);
        Assert.Equal((24m, 70m, 94m, (int)EvalBot.Domain.Level.Excellent, "2026-Q4"), (record.GeneralPoints, record.TaskPoints, record.Total, record.Level, record.Periods));
        var card = await CardsAsync("aad-01");
        var only = Assert.Single(card);
        // Card text is escaped for markdown: the parentheses around "Mẫu 05" are written \( \).
        Assert.Contains("Bản tự đánh giá, xếp loại Quý 4/2026 \\(Mẫu 05\\): Nhân Viên B", only, StringComparison.Ordinal);
        Assert.Contains("24,00/30", only, StringComparison.Ordinal);
        Assert.Contains("70,00/70", only, StringComparison.Ordinal);
        Assert.Contains("94,00/100", only, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành xuất sắc nhiệm vụ", only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule09_monthly_check_ins_fill_the_quarter_from_its_confirmed_months_and_a_later_month_updates_it()
    {
        await _host.ConfirmAsync(await _host.SubmittedReportAsync("P-01", "2026-10"), "aad-head");
        var first = await QuarterAsync("P-01", 4);
        _host.Time.Skip(TimeSpan.FromHours(1));

        await _host.ConfirmAsync(await _host.SubmittedReportAsync("P-01", "2026-11"), "aad-head");

        var updated = await QuarterAsync("P-01", 4);
        Assert.Equal(first.Id, updated.Id);
        Assert.Equal(("2026-10", "2026-10,2026-11"), (first.Periods, updated.Periods));
        Assert.True(updated.UpdatedAt > first.UpdatedAt);
        var cards = await CardsAsync("aad-01");
        Assert.Equal(2, cards.Count);
        Assert.Contains("Tháng 11/2026 đã được xác nhận: bản tự đánh giá quý của đồng chí đã được cập nhật", cards[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmed_check_in_of_someone_who_is_not_a_party_member_fills_no_quarter_record()
    {
        var report = await _host.SubmittedReportAsync("P-BOARD", "2026-Q4");

        await _host.ConfirmAsync(report, "aad-top");

        Assert.NotEqual(CheckInStatus.Submitted, await _host.Inner.Bot.QueryAsync(db => db.CheckInReports.Where(r => r.Id == report).Select(r => r.Status).SingleAsync()));
        Assert.Single(await _host.Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "checkin.result" && o.RecipientAadObjectId == "aad-board").ToListAsync()));
        Assert.False(await _host.Inner.Bot.QueryAsync(db => db.PartyQuarterRecords.AnyAsync(q => q.PersonId == _host.Ids["P-BOARD"])));
        Assert.Empty(await CardsAsync("aad-board"));
    }

    [Fact]
    public async Task Rule09_the_annual_self_rating_is_refused_naming_a_quarter_without_a_record_until_it_has_a_reason_which_the_advisory_body_sees()
    {
        await DropQuarterAsync("P-01", 2);
        var id = (await _host.RatingOfAsync("P-01")).Id;

        var refused = await _host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60"));

        Assert.Contains("Chưa có bản tự đánh giá quý (Mẫu 05) của Quý 2/2026", refused.Readable(), StringComparison.Ordinal);
        Assert.Contains("party.missingQuarter.Q2", refused.Readable(), StringComparison.Ordinal);
        Assert.Equal(PartyRatingStep.Open, (await _host.RatingOfAsync("P-01")).Step);

        var saved = await _host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60"), ("party.missingQuarter.Q2", "Đi học bồi dưỡng tập trung cả quý"));

        Assert.Contains("Đã gửi bản tự đánh giá", saved.Readable(), StringComparison.Ordinal);
        Assert.Equal(PartyRatingStep.SelfRated, (await _host.RatingOfAsync("P-01")).Step);
        var reason = await _host.Inner.Bot.QueryAsync(db => db.PartyQuarterJustifications.SingleAsync(j => j.RatingId == id));
        Assert.Equal((2, "Đi học bồi dưỡng tập trung cả quý", false), (reason.Quarter, reason.Text, reason.FromLeave));
        var verification = await OutboxAsync("party.verify", "aad-board");
        Assert.Contains("Không có bản tự đánh giá quý; lý do: Đi học bồi dưỡng tập trung cả quý", verification, StringComparison.Ordinal);
        Assert.Contains("25 + 60 = 85 điểm", verification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule09_a_quarter_wholly_on_lawful_leave_needs_no_typed_reason()
    {
        await DropQuarterAsync("P-01", 2);
        await _host.Inner.Bot.QueryAsync(async db =>
        {
            db.Set<LeaveRecord>().Add(new LeaveRecord { ExternalId = "L-1", PersonId = _host.Ids["P-01"], Kind = "sick", From = new DateOnly(2026, 4, 1), To = new DateOnly(2026, 6, 30) });
            return await db.SaveChangesAsync();
        });
        var id = (await _host.RatingOfAsync("P-01")).Id;

        await _host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60"));

        Assert.Equal(PartyRatingStep.SelfRated, (await _host.RatingOfAsync("P-01")).Step);
        var reason = await _host.Inner.Bot.QueryAsync(db => db.PartyQuarterJustifications.SingleAsync(j => j.RatingId == id));
        Assert.True(reason.FromLeave);
        Assert.Contains("Nghỉ theo chế độ cả quý \\(01/04/2026 – 30/06/2026\\)", await OutboxAsync("party.verify", "aad-board"), StringComparison.Ordinal);
    }

    private Task<PartyQuarterRecord> QuarterAsync(string person, int quarter) => _host.Inner.Bot.QueryAsync(db =>
        db.PartyQuarterRecords.AsNoTracking().SingleAsync(q => q.PersonId == _host.Ids[person] && q.Year == 2026 && q.Quarter == quarter));

    private Task<int> DropQuarterAsync(string person, int quarter) => _host.Inner.Bot.QueryAsync(db =>
        db.PartyQuarterRecords.Where(q => q.PersonId == _host.Ids[person] && q.Quarter == quarter).ExecuteDeleteAsync());

    private async Task<List<string>> CardsAsync(string aad) =>
        [.. (await _host.Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "party.quarter" && o.RecipientAadObjectId == aad).OrderBy(o => o.Id).Select(o => o.ActivityJson).ToListAsync()))
            .Select(Regex.Unescape)];

    private async Task<string> OutboxAsync(string kind, string aad) => Regex.Unescape(
        await _host.Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == kind && o.RecipientAadObjectId == aad).OrderByDescending(o => o.Id).Select(o => o.ActivityJson).FirstAsync()));
}
