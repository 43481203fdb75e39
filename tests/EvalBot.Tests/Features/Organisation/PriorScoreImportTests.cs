using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>
/// Rule 20 under Decree 335: the old unit's period scores after a transfer (kind prior_scores), and rule 12's
/// counted_year column on discipline (a violation already counted for a KHT before EvalBot).
/// </summary>
public sealed class PriorScoreImportTests : IDisposable
{
    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task OrganisationAsync()
    {
        Assert.True((await _host.CsvAsync(ImportKind.Units, Csv.Units)).Succeeded);
        Assert.True((await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id\nP1,An,U1\nP2,Bình,U1\n")).Succeeded);
    }

    [Fact]
    public async Task The_old_units_period_scores_are_stored_from_vietnamese_headers_and_a_second_file_updates_them()
    {
        await OrganisationAsync();

        var first = await _host.CsvAsync(ImportKind.PriorScores, "ma_can_bo,ky,diem,ma_don_vi_cu,diem_tieu_chi_chung\nP1,2026-Q1,82,SO-TC,25\nP1,2026-Q2,78.5,SO-TC,\nP2,2026-03,91,UBND-X,\n");
        var second = await _host.CsvAsync(ImportKind.PriorScores, "person_id,period,score,from_unit_id\nP1,2026-Q2,80,SO-TC\n");

        Assert.True(first.Succeeded && second.Succeeded, string.Join("\n", first.Errors.Concat(second.Errors)));
        var rows = await _host.QueryAsync(db => db.PriorScores.OrderBy(p => p.ExternalId).Select(p => new { p.ExternalId, p.Period, p.Score, p.GeneralScore, p.FromUnitExternalId }).ToListAsync());
        Assert.Equal(["P1/2026-Q1", "P1/2026-Q2", "P2/2026-03"], rows.Select(r => r.ExternalId));
        Assert.Equal([82m, 80m, 91m], rows.Select(r => r.Score));
        Assert.Equal([25m, null, null], rows.Select(r => r.GeneralScore));
        Assert.Equal("UBND-X", rows[2].FromUnitExternalId);
    }

    [Theory]
    [InlineData("P1,2026-Q5,80,SO-TC\n", "period")]
    [InlineData("P1,Q1/2026,80,SO-TC\n", "period")]
    [InlineData("P9,2026-Q1,80,SO-TC\n", "person_id")]
    [InlineData("P1,2026-Q1,100.5,SO-TC\n", "score")]
    [InlineData("P1,2026-Q1,-3,SO-TC\n", "score")]
    [InlineData("P1,2026-Q1,80,\n", "from_unit_id")]
    [InlineData("P1,2026-Q1,80,SO-TC\nP1,2026-Q1,70,SO-TC\n", "person_id")]
    public async Task A_bad_row_is_refused_with_its_line_and_column_and_nothing_is_written(string rows, string column)
    {
        await OrganisationAsync();

        var result = await _host.CsvAsync(ImportKind.PriorScores, "person_id,period,score,from_unit_id\nP2,2026-Q1,75,SO-TC\n" + rows);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(column, error.Column);
        Assert.True(error.Row >= 3, $"the error names line {error.Row}");
        Assert.Equal(0, await _host.QueryAsync(db => db.PriorScores.CountAsync()));
    }

    [Fact]
    public async Task A_general_part_above_the_total_is_refused()
    {
        await OrganisationAsync();

        var result = await _host.CsvAsync(ImportKind.PriorScores, "person_id,period,score,from_unit_id,general_score\nP1,2026-Q1,20,SO-TC,25\n");

        Assert.Equal("general_score", Assert.Single(result.Errors).Column);
    }

    [Fact]
    public async Task Rule12_the_discipline_column_counted_year_is_stored_from_vietnamese_or_english_headers_and_kept_by_a_file_without_it()
    {
        await OrganisationAsync();

        var vietnamese = await _host.CsvAsync(ImportKind.Discipline,
            "ma_ky_luat,ma_can_bo,ma_vi_pham,ngay_quyet_dinh,loai_ky_luat,hinh_thuc,nam_da_tinh\nD1,P1,V-7,2026-04-10,hành chính,khiển trách,2024\nD2,P2,V-8,2026-04-10,đảng,khiển trách,\n");
        var without = await _host.CsvAsync(ImportKind.Discipline, "discipline_id,person_id,violation,decision_date,track,sanction\nD1,P1,V-7,2026-04-10,administrative,reprimand\n");
        var late = await _host.CsvAsync(ImportKind.Discipline, "discipline_id,person_id,violation,decision_date,track,sanction,counted_year\nD3,P1,V-9,2025-04-10,administrative,reprimand,2026\n");

        Assert.True(vietnamese.Succeeded && without.Succeeded, string.Join("\n", vietnamese.Errors.Concat(without.Errors)));
        var rows = await _host.QueryAsync(db => db.Disciplines.OrderBy(d => d.ExternalId).Select(d => d.CountedYear).ToListAsync());
        Assert.Equal([2024, null], rows);
        Assert.Equal("counted_year", Assert.Single(late.Errors).Column);
    }

    [Theory]
    [InlineData("prior_scores", ImportKind.PriorScores)]
    [InlineData("Điểm đơn vị cũ quý 1", ImportKind.PriorScores)]
    [InlineData("diem-don-vi-cu.csv", ImportKind.PriorScores)]
    [InlineData("don-vi.csv", ImportKind.Units)]
    public void The_kind_is_named_in_english_or_vietnamese_and_a_longer_name_wins_over_one_inside_it(string text, ImportKind kind) =>
        Assert.Equal(kind, ImportKinds.Find(text));
}
