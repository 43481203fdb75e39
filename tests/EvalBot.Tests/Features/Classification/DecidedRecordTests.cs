using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>Decided rows never change; re-rating adds a linked version; the hash chain exposes an edit; the official XLSX.</summary>
public sealed class DecidedRecordTests : IAsyncLifetime
{
    private ClassificationHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ClassificationHost.StartAsync(excellent: 1, good: 5, teamIsAgency: true);
        await _host.SayAsync("help", "aad-head");
        await _host.CompileAsync();
        await _host.GiveReviewStepsAsync();
        await _host.InvokeAsync("classification.approve", new JsonObject { ["year"] = "2026", ["list"] = "own" }, "aad-head");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<List<ClassificationRecord>> RowsAsync() =>
        _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task A_compile_after_the_decision_changes_no_decided_row()
    {
        var before = await RowsAsync();
        await _host.Bot.QueryAsync(db =>
        {
            ClassificationHost.Report(db, db.People.Single(p => p.ExternalId == "P-03"), "2026-Q4", 0);
            return db.SaveChangesAsync();
        });

        var report = await _host.CompileAsync();

        var after = await RowsAsync();
        Assert.Equal(0, (int)report["changed"]!);
        Assert.Equal(before.Where(r => r.State == ClassificationState.Decided).Select(r => (r.Id, r.Level, r.Score, r.Hash)),
            after.Where(r => r.State == ClassificationState.Decided).Select(r => (r.Id, r.Level, r.Score, r.Hash)));
    }

    [Fact]
    public async Task Rerating_creates_a_new_version_linked_to_the_old_one_and_tells_the_person()
    {
        var old = (await RowsAsync()).Single(r => r.PersonId == _host.People["P-00"].Id);

        var missing = await _host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-00/rerate", new { level = "HTT" });
        var response = await _host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-00/rerate", new { level = "HTT", reason = "Phát hiện báo cáo không trung thực", by = "Ban Thường vụ, QĐ 15" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        response.EnsureSuccessStatusCode();
        var rows = (await RowsAsync()).Where(r => r.PersonId == old.PersonId).OrderBy(r => r.Version).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((old.Id, old.Level, old.Hash), (rows[0].Id, rows[0].Level, rows[0].Hash));
        Assert.Equal(old.Id, rows[1].SupersedesId);
        Assert.Equal((ClassificationState.Decided, 1, "Phát hiện báo cáo không trung thực"), (rows[1].State, rows[1].Level, rows[1].Reason));
        Assert.True(await _host.Bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.DedupeKey == $"classification.result:{rows[1].Id}")));
        Assert.True(await _host.Bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "classification.rerate" && a.Actor.StartsWith("admin:"))));
        var verify = await _host.Admin.GetFromJsonAsync<JsonObject>("/admin/years/2026/verify");
        Assert.True((bool)verify!["valid"]!);
    }

    [Fact]
    public async Task The_hash_chain_detects_a_row_edited_behind_the_application()
    {
        var valid = await _host.Admin.GetFromJsonAsync<JsonObject>("/admin/years/2026/verify");
        var target = (await RowsAsync()).First(r => r.State == ClassificationState.Decided && r.Level == 1);
        await _host.Bot.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE classifications SET \"Level\" = 0 WHERE \"Id\" = {target.Id}"));

        var broken = await _host.Admin.GetFromJsonAsync<JsonObject>("/admin/years/2026/verify");

        Assert.True((bool)valid!["valid"]!);
        Assert.Equal(6, (int)valid["rowsOfYear"]!);
        Assert.False((bool)broken!["valid"]!);
        Assert.Equal(target.Id, (long)broken["brokenAtId"]!);
    }

    [Fact]
    public async Task The_xlsx_has_the_official_columns_and_one_row_per_person_of_the_unit()
    {
        var response = await _host.Admin.GetAsync("/admin/years/2026/classification.xlsx?unit=TEAM");
        response.EnsureSuccessStatusCode();
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();

        var header = rows.FindIndex(r => r.Count > 0 && r[0] == "STT");
        Assert.Equal(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điểm", "Mức xếp loại", "Ghi chú"], rows[header]);
        var data = rows.Skip(header + 1).Where(r => r.Count == 7).ToList();
        Assert.Equal(7, data.Count);
        Assert.Equal(["1", "Nhân Viên A", "", "Phòng Tổng hợp", "100", "Hoàn thành xuất sắc nhiệm vụ", "Đã quyết định"], data[0]);
        Assert.Contains(data, r => r[1] == "Trưởng Phòng Head" && r[4] == "Không chấm điểm" && r[5] == "Không xếp loại");
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Admin.GetAsync("/admin/years/2026/classification.xlsx?unit=NOPE")).StatusCode);
    }
}
