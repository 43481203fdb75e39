using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>The columns the rules need: hire and end dates (rule 18), a discipline's public-service flag (rule 10) and violation (rule 12).</summary>
public sealed class RuleDataImportTests : IDisposable
{
    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task OrganisationAsync()
    {
        Assert.True((await _host.CsvAsync(ImportKind.Units, Csv.Units)).Succeeded);
        Assert.True((await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id\nP1,An,U1\nP2,Bình,U1\n")).Succeeded);
    }

    [Fact]
    public async Task Hire_and_end_dates_are_stored_from_vietnamese_or_english_headers_and_kept_by_a_file_without_them()
    {
        await OrganisationAsync();

        var vietnamese = await _host.CsvAsync(ImportKind.People, "ma_can_bo,ho_ten,ma_don_vi,ngay_tuyen_dung,ngay_nghi_viec\nP1,An,U1,01/08/2025,\n");
        var english = await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id,hired,ended\nP2,Bình,U1,2010-03-01,2026-05-31\n");
        var without = await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id\nP1,An,U1\nP2,Bình,U1\n");

        Assert.True(vietnamese.Succeeded && english.Succeeded && without.Succeeded, string.Join("\n", vietnamese.Errors.Concat(english.Errors).Concat(without.Errors)));
        var dates = await _host.QueryAsync(db => db.People.OrderBy(p => p.ExternalId).Select(p => new { p.HiredOn, p.EndedOn }).ToListAsync());
        Assert.Equal((new DateOnly(2025, 8, 1), (DateOnly?)null), (dates[0].HiredOn, dates[0].EndedOn));
        Assert.Equal((new DateOnly(2010, 3, 1), new DateOnly(2026, 5, 31)), (dates[1].HiredOn, dates[1].EndedOn));
    }

    [Fact]
    public async Task An_end_date_before_the_hire_date_is_refused()
    {
        await OrganisationAsync();

        var result = await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id,hired,ended\nP1,An,U1,2026-05-01,2026-04-30\n");

        Assert.Equal("ended", Assert.Single(result.Errors).Column);
    }

    [Fact]
    public async Task A_discipline_is_a_public_service_violation_unless_the_file_says_no_and_reads_its_violation_id()
    {
        await OrganisationAsync();

        var flagged = await _host.CsvAsync(ImportKind.Discipline,
            "ma_ky_luat,ma_can_bo,ma_vi_pham,ngay_quyet_dinh,loai_ky_luat,hinh_thuc,vi_pham_cong_vu\nD1,P1,V-7,2026-04-10,hành chính,khiển trách,không\nD2,P2,V-8,2026-04-10,đảng,khiển trách,\n");
        var old = await _host.CsvAsync(ImportKind.Discipline, "discipline_id,person_id,violation,decision_date,track,sanction\nD3,P2,V-8,2025-11-02,administrative,reprimand\nD1,P1,V-7,2026-04-10,administrative,reprimand\n");

        Assert.True(flagged.Succeeded && old.Succeeded, string.Join("\n", flagged.Errors.Concat(old.Errors)));
        var rows = await _host.QueryAsync(db => db.Disciplines.OrderBy(d => d.ExternalId).Select(d => new { d.ExternalId, d.ViolationId, d.OutsidePublicService }).ToListAsync());
        Assert.Equal(["D1", "D2", "D3"], rows.Select(r => r.ExternalId));
        Assert.Equal(["V-7", "V-8", "V-8"], rows.Select(r => r.ViolationId));
        // D1 keeps "no" from the first file (the second has no such column); D2 (empty cell) and D3 (new, no column) are public service.
        Assert.Equal([true, false, false], rows.Select(r => r.OutsidePublicService));
    }
}
