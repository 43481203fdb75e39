using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>A workbook with the organisation and the three Party sheets, named in Vietnamese, imported as one file.</summary>
public sealed class PartyXlsxImportTests : IDisposable
{
    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    private static byte[] Workbook(string cell = "CB1") => new XlsxBuilder()
        .Sheet("Đơn vị", ["Mã đơn vị", "Tên đơn vị"], ["AG", "Văn phòng"])
        .Sheet("Cán bộ", ["person_id", "full_name", "unit_id", "party_member"], ["P1", "Nguyễn Văn An", "AG", "có"], ["P2", "Trần Bình", "AG", "x"])
        .Sheet("Tập thể lãnh đạo", ["Mã tập thể", "Tên tập thể", "Loại tập thể", "Mã tổ chức đảng", "Mã người đứng đầu", "Thành viên"], ["LD", "Tập thể lãnh đạo", "ban lãnh đạo", "DB", "P1", "P2"])
        .Sheet("Tổ chức đảng", ["Mã tổ chức đảng", "Tên", "Loại tổ chức", "Mã tổ chức cấp trên", "Mã cấp có thẩm quyền", "Mã cơ quan tham mưu"],
            ["DB", "Đảng bộ xã", "đảng bộ", null, "P1", null], ["CB1", "Chi bộ Một", "chi bộ", "DB", "P1", "P2"])
        .Sheet("Đảng viên sinh hoạt", ["Mã cán bộ", "Mã chi bộ", "Ngày vào Đảng", "Trạng thái"], ["P1", cell, new DateOnly(2015, 3, 2), null], ["P2", cell, 46000, "đang sinh hoạt"])
        .Build();

    [Fact]
    public async Task Imports_the_three_party_sheets_with_the_organisation_in_one_file()
    {
        var result = await _host.BytesAsync(Workbook());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["units", "people", "party_organisations", "party_members", "party_collectives"], result.Report!.Kinds.Select(k => k.Kind));
        Assert.All(result.Report.Kinds, k => Assert.Equal(0, k.Updated + k.Unchanged));
        var members = await _host.QueryAsync(db => db.PartyMemberships.OrderBy(m => m.ExternalId).ToListAsync());
        Assert.Equal([new DateOnly(2015, 3, 2), DateOnly.FromDateTime(DateTime.FromOADate(46000))], members.Select(m => m.AdmittedOn!.Value));
        Assert.True(await _host.QueryAsync(db => db.People.AllAsync(p => p.IsPartyMember)));
        Assert.Equal(2, await _host.QueryAsync(db => db.PartyCollectiveMembers.CountAsync()));
    }

    [Fact]
    public async Task Reimporting_the_workbook_reports_everything_unchanged()
    {
        await _host.BytesAsync(Workbook());

        var again = await _host.BytesAsync(Workbook());

        Assert.All(again.Report!.Kinds, k => Assert.Equal(0, k.Created + k.Updated));
        Assert.Equal(2, await _host.QueryAsync(db => db.PartyCollectiveMembers.CountAsync()));
    }

    [Fact]
    public async Task A_bad_party_row_refuses_the_whole_workbook_with_the_sheet_name()
    {
        var result = await _host.BytesAsync(Workbook(cell: "DB"));

        Assert.Contains(result.Errors, e => e is { Sheet: "Đảng viên sinh hoạt", Row: 2, Column: "cell_id" });
        Assert.Equal(0, await _host.QueryAsync(db => db.Units.CountAsync()));
        Assert.Equal(0, await _host.QueryAsync(db => db.PartyOrganisations.CountAsync()));
    }
}
