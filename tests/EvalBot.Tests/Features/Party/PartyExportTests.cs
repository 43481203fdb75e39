using System.Net;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// The Party list of an organisation (<c>GET /admin/years/{year}/party-classification.xlsx?org=</c>) read back from the
/// package: a Party document's header, the collectives before the members, the points and level of each, "DỰ THẢO" while
/// anything is undecided, signed on behalf of the cell or the committee, and never a comment or an opinion.
/// </summary>
public sealed class PartyExportTests : IAsyncLifetime
{
    private const uint HeaderRow = 9;
    private PartyHost _host = null!;

    public async Task InitializeAsync() => _host = await PartyHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_committee_list_is_a_Party_document_with_its_collective_first_and_each_member_at_their_step()
    {
        await DecideOneMemberAsync();

        var p = await ReadAsync("DU");
        var cells = p.Cells;
        var rows = p.DataRows(HeaderRow);

        Assert.Equal(("ĐẢNG ỦY XÃ", "ĐẢNG CỘNG SẢN VIỆT NAM"), (cells["A1"], cells["E1"]));
        Assert.DoesNotContain("E2", cells.Keys);
        Assert.Equal("DỰ THẢO", cells["A5"]);
        Assert.Equal("DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ, ĐẢNG VIÊN NĂM 2026", cells["A6"]);
        Assert.Equal(["STT", "Họ và tên / Tập thể", "Chức vụ", "Tổ chức đảng", "Điểm", "Mức xếp loại", "Ghi chú"], "ABCDEFG".Select(c => cells[$"{c}{HeaderRow}"]));
        Assert.Equal(["Tập thể lãnh đạo UBND xã", "Nhân Viên B", "Chủ tịch Top", "Nhân Viên A", "Trưởng Phòng Head"], rows.Select(r => r["B"]));
        Assert.Equal(("Tập thể", "Đảng ủy xã"), (rows[0]["C"], rows[0]["D"]));
        var decided = rows.Single(r => r["B"] == "Nhân Viên B");
        Assert.Equal(("84.5", "Hoàn thành tốt nhiệm vụ", "Chi bộ Văn phòng"), (decided["E"], decided["F"], decided["D"]));
        Assert.StartsWith("Đã quyết định ngày ", decided["G"], StringComparison.Ordinal);
        Assert.All(rows.Where(r => r != decided), r => Assert.Equal(("Chưa tự đánh giá", "Dự thảo: chờ tự đánh giá"), (r["E"], r["G"])));
        Assert.Contains(cells, c => c.Value == "T/M ĐẢNG ỦY");
        Assert.Contains(cells, c => c.Value == "BÍ THƯ");
        Assert.Equal("'Đảng viên 2026'!$9:$9", p.Workbook.Descendants(XlsxPackage.Main + "definedName").Single().Value);
        Assert.DoesNotContain(cells, c => c.Value.Contains("Trừ 1 điểm", StringComparison.Ordinal) || c.Value.Contains("cư trú", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cell_list_holds_only_the_cell_under_its_committee_and_is_signed_on_behalf_of_the_cell()
    {
        await DecideOneMemberAsync();

        var p = await ReadAsync("CB");
        var cells = p.Cells;

        Assert.Equal(("ĐẢNG ỦY XÃ", "CHI BỘ VĂN PHÒNG"), (cells["A1"], cells["A2"]));
        Assert.Equal(4, p.DataRows(HeaderRow).Count);
        Assert.Contains(cells, c => c.Value == "T/M CHI BỘ");
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Inner.Admin.GetAsync("/admin/years/2026/party-classification.xlsx?org=NO-SUCH")).StatusCode);
    }

    private async Task DecideOneMemberAsync()
    {
        await _host.DecideStateAsync();
        Assert.Equal(HttpStatusCode.OK, (await _host.OpenAsync()).StatusCode);
        var id = (await _host.RatingOfAsync("P-01")).Id;
        await _host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60.5"));
        await _host.PressAsync("party.verify", id, "aad-board", ("party.general", "24"), ("party.task", "60.5"), ("party.note", "Trừ 1 điểm tiêu chí chung"),
            ("party.residence", "Gương mẫu nơi cư trú"));
        await _host.PressAsync("party.decide", id, "aad-top", ("party.level", "HTT"));
    }

    private async Task<XlsxPackage> ReadAsync(string org)
    {
        var response = await _host.Inner.Admin.GetAsync($"/admin/years/2026/party-classification.xlsx?org={org}");
        response.EnsureSuccessStatusCode();
        Assert.Equal($"xep-loai-dang-vien-2026-{org}.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        return XlsxPackage.Read(await response.Content.ReadAsByteArrayAsync());
    }
}
