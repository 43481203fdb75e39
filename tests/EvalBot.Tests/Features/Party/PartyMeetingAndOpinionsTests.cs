using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// A collective's draft report goes to its meeting's participants at least three working days before the meeting, and
/// the collective is verified after it (rule 34); a member's decision waits for the required opinions the advisory body
/// records on the verification card (rule 37), which the member's result does not show (rule 39).
/// </summary>
public sealed class PartyMeetingAndOpinionsTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private PartyHost _host = null!;

    public async Task InitializeAsync() => _host = await PartyHost.StartOpenAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rule34_a_meeting_set_too_soon_is_refused_with_the_first_day_it_may_be_held_and_the_draft_goes_to_the_participants()
    {
        var collective = (await _host.CollectiveRatingAsync()).Id;

        // Thursday 10 December 2026: three working days later is Tuesday 15 December.
        var tooSoon = Text(await _host.PressAsync("party.self", collective, "aad-top", [("party.general", "27"), ("party.task", "63"), ("party.meetingOn", "2026-12-14"), .. PartyHost.Form01()]));
        Assert.Contains("sớm nhất họp ngày 15/12/2026", tooSoon, StringComparison.Ordinal);
        Assert.Equal(PartyRatingStep.Open, (await _host.CollectiveRatingAsync()).Step);
        var none = Text(await _host.PressAsync("party.self", collective, "aad-top", [("party.general", "27"), ("party.task", "63"), .. PartyHost.Form01()]));
        Assert.Contains("sớm nhất ngày 15/12/2026", none, StringComparison.Ordinal);

        var sent = Text(await _host.PressAsync("party.self", collective, "aad-top", [("party.general", "27"), ("party.task", "63"), ("party.meetingOn", "2026-12-15"), .. PartyHost.Form01()]));
        Assert.Contains("đã được gửi đến các thành viên dự họp ngày 15/12/2026", sent, StringComparison.Ordinal);
        var row = await _host.CollectiveRatingAsync();
        Assert.Equal((new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 15)), (row.DraftSentOn!.Value, row.MeetingOn!.Value));
        Assert.True(await Queued("party.draft", "aad-head"));
        Assert.False(await Queued("party.draft", "aad-top"));
        Assert.False(await Queued("party.draft", "aad-00"));

        var early = Text(await _host.PressAsync("party.verify", collective, "aad-board", ("party.general", "27"), ("party.task", "63")));
        Assert.Contains("thẩm định sau cuộc họp", early, StringComparison.Ordinal);
        Assert.Equal(PartyRatingStep.SelfRated, (await _host.CollectiveRatingAsync()).Step);

        _host.Time.Skip(TimeSpan.FromDays(5));
        await _host.PressAsync("party.verify", collective, "aad-board", [("party.general", "27"), ("party.task", "63"), .. PartyHost.Form01()]);
        Assert.Equal(PartyRatingStep.Verified, (await _host.CollectiveRatingAsync()).Step);
    }

    [Fact]
    public async Task Rule37_the_decision_waits_for_the_residence_comment_or_its_reason_and_the_temporary_cells_comment()
    {
        await _host.Inner.Bot.QueryAsync(async db =>
        {
            var cell = await db.PartyOrganisations.SingleAsync(o => o.ExternalId == "CB");
            var other = new PartyOrganisation { ExternalId = "CB2", Name = "Chi bộ Kinh tế", Kind = PartyOrganisationKinds.Cell, ParentId = cell.ParentId };
            db.PartyOrganisations.Add(other);
            await db.SaveChangesAsync();
            return await db.PartyMemberships.Where(m => m.ExternalId == "P-00").ExecuteUpdateAsync(u => u.SetProperty(m => m.TemporaryCellId, other.Id));
        });
        var id = (await _host.RatingOfAsync("P-00")).Id;
        await _host.PressAsync("party.self", id, "aad-00", ("party.general", "25"), ("party.task", "60"));

        var card = Text(await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "25"), ("party.task", "60")));
        Assert.Contains("party.residence", card, StringComparison.Ordinal);
        Assert.Contains("party.temporaryCell", card, StringComparison.Ordinal);
        var missing = Text(await _host.PressAsync("party.decide", id, "aad-top", ("party.level", "HTT")));
        Assert.Contains("cấp ủy nơi cư trú", missing, StringComparison.Ordinal);
        Assert.Contains("chi bộ nơi sinh hoạt tạm thời", missing, StringComparison.Ordinal);

        await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "25"), ("party.task", "60"),
            ("party.residenceException", "Cư trú ở tỉnh khác, cấp ủy chưa gửi nhận xét"), ("party.temporaryCell", "Sinh hoạt đầy đủ"));
        var decided = Text(await _host.PressAsync("party.decide", id, "aad-top", ("party.level", "HTT")));

        var row = await _host.RatingOfAsync("P-00");
        Assert.True(PartyRatingStep.Decided == row.Step, decided);
        Assert.Equal(("Cư trú ở tỉnh khác, cấp ủy chưa gửi nhận xét", "Sinh hoạt đầy đủ"), (row.ResidenceException, row.TemporaryCellComment));
        var result = await _host.Inner.Bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "party.view" && o.RecipientAadObjectId == "aad-00"));
        Assert.DoesNotContain("Sinh hoạt đầy đủ", result.ActivityJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule37_after_a_transfer_in_the_year_the_decision_waits_for_the_old_units_comment()
    {
        await _host.Inner.Bot.QueryAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.ExternalId == "P-01");
            db.Units.Add(new Unit { ExternalId = "OLD", Name = "Phòng Kinh tế" });
            db.Transfers.Add(new TransferRecord { ExternalId = "TR-1", PersonId = person.Id, FromUnitExternalId = "OLD", ToUnitId = person.UnitId, Date = new DateOnly(2026, 7, 1) });
            return await db.SaveChangesAsync();
        });
        var id = (await _host.RatingOfAsync("P-01")).Id;
        await _host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60"));

        var card = Text(await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "25"), ("party.task", "60"), ("party.residence", "Gương mẫu nơi cư trú")));
        Assert.Contains("party.oldUnit", card, StringComparison.Ordinal);
        Assert.Contains("Nhận xét của đơn vị công tác cũ (Phòng Kinh tế)", card.Replace("\\", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var missing = Text(await _host.PressAsync("party.decide", id, "aad-top", ("party.level", "HTT")));
        Assert.Contains("Chưa có nhận xét của đơn vị công tác cũ", missing, StringComparison.Ordinal);
        Assert.Equal(PartyRatingStep.Verified, (await _host.RatingOfAsync("P-01")).Step);

        await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "25"), ("party.task", "60"),
            ("party.residence", "Gương mẫu nơi cư trú"), ("party.oldUnit", "Hoàn thành tốt nhiệm vụ 6 tháng đầu năm"));
        var decided = Text(await _host.PressAsync("party.decide", id, "aad-top", ("party.level", "HTT")));

        var row = await _host.RatingOfAsync("P-01");
        Assert.True(PartyRatingStep.Decided == row.Step, decided);
        Assert.Equal("Hoàn thành tốt nhiệm vụ 6 tháng đầu năm", row.OldUnitComment);

        // Art. 17 (Form 04): the dossier list is sealed at the decision and shown on the decided card.
        Assert.Matches("^[0-9a-f]{64}$", row.DossierHash);
        var shown = decided.Replace("\\", "", StringComparison.Ordinal);
        Assert.Contains("Danh mục hồ sơ kiểm điểm (Mẫu 04)", shown, StringComparison.Ordinal);
        Assert.Contains("2. Nhận xét của cấp ủy nơi cư trú: có", shown, StringComparison.Ordinal);
        Assert.Contains("5. Kết luận, quyết định xếp loại: có", shown, StringComparison.Ordinal);
        Assert.Contains("7. Ý kiến bằng văn bản của cơ quan, cá nhân liên quan: có · 1 ý kiến", shown, StringComparison.Ordinal);
        Assert.Contains("8. Hồ sơ khiếu nại, kiến nghị về xếp loại: không phát sinh", shown, StringComparison.Ordinal);

        // Nothing changes a decided rating or its list; a re-rating is a new version with its own.
        await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "10"), ("party.task", "10"), ("party.oldUnit", "Sửa"));
        var after = await _host.RatingOfAsync("P-01");
        Assert.Equal((row.DossierJson, row.DossierHash, "Hoàn thành tốt nhiệm vụ 6 tháng đầu năm"), (after.DossierJson, after.DossierHash, after.OldUnitComment));
        await _host.AdminPostAsync($"/admin/party/ratings/{id}/rerate", new { level = "HT", reason = "Kết luận kiểm tra của cấp trên", by = "Ban Thường vụ Đảng ủy" });
        var versions = await _host.Inner.Bot.QueryAsync(db => db.PartyRatings.AsNoTracking().Where(r => r.PersonId == row.PersonId).OrderBy(r => r.Version).ToListAsync());
        Assert.Equal(row.DossierHash, versions[0].DossierHash);
        Assert.NotEqual(row.DossierHash, versions[1].DossierHash);
        Assert.Contains("\"Detail\":\"HT\"", versions[1].DossierJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule37_a_transfer_in_an_earlier_year_asks_for_no_old_units_comment()
    {
        await _host.Inner.Bot.QueryAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.ExternalId == "P-01");
            db.Transfers.Add(new TransferRecord { ExternalId = "TR-0", PersonId = person.Id, FromUnitExternalId = "OLD", ToUnitId = person.UnitId, Date = new DateOnly(2025, 7, 1) });
            return await db.SaveChangesAsync();
        });
        var id = (await _host.RatingOfAsync("P-01")).Id;
        await _host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60"));

        var card = Text(await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "25"), ("party.task", "60"), ("party.residence", "Gương mẫu")));

        Assert.DoesNotContain("party.oldUnit", card, StringComparison.Ordinal);
    }

    private Task<bool> Queued(string kind, string aad) =>
        _host.Inner.Bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.Kind == kind && o.RecipientAadObjectId == aad));

    private static string Text(JsonObject answer) => answer.ToJsonString(Readable);
}
