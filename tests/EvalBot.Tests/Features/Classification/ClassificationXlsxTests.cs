using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using EvalBot.Features.Classification;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// The official list is a document an office prints and signs, read back from the package itself (ZIP + XML, not the
/// library that wrote it): styles, the national header, the print setup, the "DỰ THẢO" marker while anything is undecided,
/// and a score (or why there is none) on every line.
/// </summary>
public sealed class ClassificationXlsxTests
{
    private static readonly XNamespace Main = XlsxPackage.Main;

    private static async Task<XlsxPackage> ReadAsync(ClassificationHost host, string unit)
    {
        var response = await host.Admin.GetAsync($"/admin/years/2026/classification.xlsx?unit={unit}");
        response.EnsureSuccessStatusCode();
        return XlsxPackage.Read(await response.Content.ReadAsByteArrayAsync());
    }

    private static JsonObject Own => new() { ["year"] = "2026", ["list"] = "own" };

    private static List<Dictionary<string, string>> DataRows(XlsxPackage p) => p.DataRows(ClassificationXlsx.HeaderRow);

    [Fact]
    public async Task A_list_with_undecided_rows_is_a_styled_A4_document_marked_as_a_draft()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 5);
        await host.CompileAsync();

        var p = await ReadAsync(host, "AG");
        var cells = p.Cells;

        Assert.Equal(ClassificationXlsx.Republic, cells["E1"]);
        Assert.Equal(ClassificationXlsx.Motto, cells["E2"]);
        Assert.Equal("VĂN PHÒNG UBND XÃ", cells["A1"]);
        Assert.Matches(@"^Ngày \d\d tháng \d\d năm 20\d\d$", cells["E4"]);
        Assert.Equal(ClassificationXlsx.DraftMarker, cells["A5"]);
        Assert.Equal("DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2026", cells["A6"]);
        Assert.Contains(ClassificationXlsx.DraftMarker, (string?)p.Sheet.Descendants(Main + "oddHeader").SingleOrDefault() ?? "", StringComparison.Ordinal);
        Assert.Equal(ClassificationXlsx.Headers, "ABCDEFG".Select(c => cells[$"{c}{ClassificationXlsx.HeaderRow}"]));
        Assert.Contains("A6:G6", p.Merges);
        Assert.Contains("E1:G1", p.Merges);
        Assert.Contains(cells, c => c.Value == "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ");
        Assert.Contains(cells, c => c.Value == "Chủ tịch Top");

        // Print setup: A4, fitted to the width, the table's header row repeated on every page.
        var setup = p.Sheet.Descendants(Main + "pageSetup").Single();
        Assert.Equal("9", (string?)setup.Attribute("paperSize"));
        Assert.Equal("1", (string?)setup.Attribute("fitToWidth"));
        var titles = p.Workbook.Descendants(Main + "definedName").Single(d => (string?)d.Attribute("name") == "_xlnm.Print_Titles");
        Assert.Equal("'Xếp loại 2026'!$9:$9", titles.Value);
        Assert.Equal(7, p.Sheet.Descendants(Main + "col").Count(c => (string?)c.Attribute("customWidth") is "1" or "true"));

        // Styles: Times New Roman, bordered table cells, the header row bold on a fill, draft rows in italics.
        Assert.All(p.Styles.Descendants(Main + "font"), f => Assert.Equal("Times New Roman", (string?)f.Element(Main + "name")?.Attribute("val")));
        var xfs = p.Styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ToList();
        var fonts = p.Styles.Descendants(Main + "fonts").Single().Elements(Main + "font").ToList();
        var borders = p.Styles.Descendants(Main + "borders").Single().Elements(Main + "border").ToList();
        XElement Xf(string cell) => xfs[(int?)p.Sheet.Descendants(Main + "c").Single(c => (string?)c.Attribute("r") == cell).Attribute("s") ?? 0];
        var header = Xf($"B{ClassificationXlsx.HeaderRow}");
        Assert.NotNull(fonts[(int)header.Attribute("fontId")!].Element(Main + "b"));
        Assert.NotEqual("0", (string?)header.Attribute("fillId"));
        Assert.Equal("thin", (string?)borders[(int)header.Attribute("borderId")!].Element(Main + "left")!.Attribute("style"));
        var firstData = Xf($"B{ClassificationXlsx.HeaderRow + 1}");
        Assert.NotNull(fonts[(int)firstData.Attribute("fontId")!].Element(Main + "i"));
        Assert.Equal("thin", (string?)borders[(int)firstData.Attribute("borderId")!].Element(Main + "bottom")!.Attribute("style"));

        var rows = DataRows(p);
        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("Dự thảo", r["G"], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r["E"]), $"{r["B"]} has no score"));
    }

    [Fact]
    public async Task Once_every_list_is_decided_the_marker_is_gone_and_every_line_has_its_score()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 5);
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();
        await host.InvokeAsync("classification.approve", Own, "aad-head");
        await host.InvokeAsync("classification.approve", Own, "aad-top");
        await host.InvokeAsync("classification.approve", new JsonObject { ["year"] = "2026", ["list"] = "board" }, "aad-board");
        (await host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-02/rerate", new { level = "HT", reason = "Kết luận thanh tra", by = "Chủ tịch UBND huyện" })).EnsureSuccessStatusCode();

        var p = await ReadAsync(host, "AG");
        var cells = p.Cells;
        var rows = DataRows(p);

        Assert.DoesNotContain(cells, c => c.Value.Contains(ClassificationXlsx.DraftMarker, StringComparison.Ordinal));
        Assert.Empty(p.Sheet.Descendants(Main + "oddHeader"));
        Assert.Equal("DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2026", cells["A6"]);
        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("Đã quyết định", r["G"], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.True(decimal.TryParse(r["E"], System.Globalization.CultureInfo.InvariantCulture, out _) || r["E"] is "Không chấm điểm" or "Do cấp có thẩm quyền quyết định",
            $"{r["B"]}: score «{r["E"]}»"));
        var rerated = rows.Single(r => r["B"] == "Nhân Viên C");
        Assert.Equal(("79", "Hoàn thành nhiệm vụ"), (rerated["E"], rerated["F"]));
        Assert.Contains("Kết luận thanh tra", rerated["G"], StringComparison.Ordinal);
        Assert.Contains(rows, r => r["B"] == "Trưởng Phòng Head" && r["E"] == "Không chấm điểm" && r["F"] == "Không xếp loại");
    }
}
