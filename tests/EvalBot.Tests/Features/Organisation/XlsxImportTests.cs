using System.IO.Compression;
using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

public sealed class XlsxImportTests : IDisposable
{
    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    private static byte[] Workbook(string leader = "P1") => new XlsxBuilder()
        .Sheet("Hướng dẫn", ["Điền mỗi loại dữ liệu vào trang cùng tên."])
        .Sheet("Đơn vị", ["Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Là cơ quan", "Mã thủ trưởng"], ["AG", "Văn phòng", null, true, "P1"], ["U1", new XlsxBuilder.Inline("Phòng Tổng hợp"), "AG", false, leader])
        .Sheet("posts", ["post_id", "name"], ["CV", "Chuyên viên"])
        .Sheet("Cán bộ", ["person_id", "full_name", "unit_id", "post_id", "leader_person_id", "population"], ["P1", "Nguyễn Văn An", "AG", "CV", null, "cán bộ"], ["P2", new XlsxBuilder.Formula("CONCAT(\"Trần \",\"Bình\")", "Trần Bình"), "U1", "CV", leader, "công chức"])
        .Sheet("targets", ["target_id", "period", "post_id", "title", "unit_of_measure", "quantity", "conversion_factor", "deadline", "quality_requirement"],
            ["T1", "2026-Q1", "CV", "Báo cáo", "báo cáo", 3, 1.5, new DateOnly(2026, 3, 31), "Đúng hạn"],
            ["T2", "2026-Q1", "CV", "Hồ sơ", "hồ sơ", 10, 0.25, 46112, "Đủ thành phần"])
        .Build();

    [Fact]
    public async Task Imports_every_sheet_named_after_a_kind_in_one_transaction()
    {
        var result = await _host.BytesAsync(Workbook());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("xlsx", result.Report!.Format);
        Assert.Equal(["units", "posts", "people", "targets"], result.Report.Kinds.Select(k => k.Kind));
        var p2 = await _host.QueryAsync(db => db.People.SingleAsync(p => p.ExternalId == "P2"));
        Assert.Equal("Trần Bình", p2.FullName);
        var head = await _host.QueryAsync(db => db.Units.Where(u => u.ExternalId == "U1").Select(u => u.HeadPersonId).SingleAsync());
        Assert.Equal(await _host.QueryAsync(db => db.People.Where(p => p.ExternalId == "P1").Select(p => (long?)p.Id).SingleAsync()), head);
        var targets = await _host.QueryAsync(db => db.Targets.OrderBy(t => t.ExternalId).ToListAsync());
        Assert.Equal([new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 31)], targets.Select(t => t.Deadline));
        Assert.Equal([1.5m, 0.25m], targets.Select(t => t.ConversionFactor));
    }

    [Fact]
    public async Task Reimporting_the_workbook_reports_everything_unchanged()
    {
        await _host.BytesAsync(Workbook());

        var again = await _host.BytesAsync(Workbook());

        Assert.All(again.Report!.Kinds, k => Assert.Equal(0, k.Created + k.Updated));
        Assert.Equal(2, await _host.QueryAsync(db => db.People.CountAsync()));
        Assert.Equal(2, await _host.QueryAsync(db => db.Targets.CountAsync()));
    }

    [Fact]
    public async Task A_leader_cycle_across_sheets_is_refused_with_the_sheet_name()
    {
        var result = await _host.BytesAsync(Workbook(leader: "P2"));

        Assert.Contains(result.Errors, e => e is { Sheet: "Cán bộ", Row: 3, Column: "leader_person_id" });
        Assert.Equal(0, await _host.QueryAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task A_zip_that_is_not_a_workbook_is_refused()
    {
        var result = await _host.BytesAsync([.. "PK\u0003\u0004"u8, .. new byte[64]]);

        Assert.Equal("xlsx", Assert.Single(result.Errors).Sheet);
    }

    [Fact]
    public async Task A_workbook_with_a_dtd_and_an_external_entity_is_refused_without_resolving_it()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"evalbot-xxe-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "SECRET");
        var workbook = new XlsxBuilder().Sheet("units", ["unit_id", "name"], ["AG", "Văn phòng"]).Build();
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Single(e => e.FullName.EndsWith("sharedStrings.xml", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = await reader.ReadToEndAsync();
            entry.Delete();
            var evil = xml.Replace("<sst ", $"<!DOCTYPE sst [<!ENTITY x SYSTEM \"file://{secret}\">]><sst ", StringComparison.Ordinal).Replace(">AG<", ">&x;<", StringComparison.Ordinal);
            await using var writer = new StreamWriter(zip.CreateEntry(entry.FullName).Open());
            await writer.WriteAsync(evil);
        }

        var result = await _host.BytesAsync(buffer.ToArray());

        Assert.False(result.Succeeded);
        Assert.Equal(0, await _host.QueryAsync(db => db.Units.CountAsync()));
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("SECRET", StringComparison.Ordinal));
        File.Delete(secret);
    }

    [Fact]
    public async Task A_workbook_without_a_kind_sheet_is_refused()
    {
        var result = await _host.BytesAsync(new XlsxBuilder().Sheet("Sheet1", ["a"]).Build());

        Assert.Contains("No sheet", Assert.Single(result.Errors).MessageEn, StringComparison.Ordinal);
    }
}
