using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>Rule 21 at decision time: a list over the HTXS quota is refused, then resolved by a demotion or a recorded exception.</summary>
public sealed class QuotaDecisionTests
{
    private static JsonObject Data(params (string Key, string Value)[] extra)
    {
        var data = new JsonObject { ["year"] = "2026", ["list"] = "own" };
        foreach (var (k, v) in extra) data[k] = v;
        return data;
    }

    [Fact]
    public async Task Over_quota_is_refused_with_the_excess_ranked_then_a_demotion_lets_the_head_approve()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 3, good: 7, teamIsAgency: true);
        await host.SayAsync("help", "aad-head");
        var report = await host.CompileAsync();
        await host.GiveReviewStepsAsync();

        var team = report["units"]!.AsArray().Single(u => (string?)u!["unitId"] == "TEAM")!;
        Assert.False((bool)team["quota"]!["canFinalise"]!);
        Assert.Equal(3, (int)team["levels"]!["Excellent"]!);
        Assert.Equal(["P-01", "P-02"], team["quota"]!["excess"]!.AsArray().Select(x => (string)x!).ToList());
        Assert.True(await host.Bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.Kind == "classification.decision" && o.RecipientAadObjectId == "aad-head")));

        var refused = await host.InvokeAsync("classification.approve", Data(), "aad-head");
        var text = refused["value"].Readable();
        Assert.Contains("Chưa thể phê duyệt", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Nhân Viên B", StringComparison.Ordinal) < text.IndexOf("Nhân Viên C", StringComparison.Ordinal));
        Assert.Equal(0, await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().CountAsync(r => r.State == ClassificationState.Decided)));

        var ids = $"{host.People["P-01"].Id},{host.People["P-02"].Id}";
        var noReason = await host.InvokeAsync("classification.demote", Data(("demote.people", ids)), "aad-head");
        Assert.Contains("Cần nhập lý do", noReason["value"].Readable(), StringComparison.Ordinal);
        await host.InvokeAsync("classification.demote", Data(("demote.people", ids), ("demote.reason", "Vượt tỷ lệ 20%")), "aad-head");
        var approved = await host.InvokeAsync("classification.approve", Data(), "aad-head");

        Assert.Contains("Đã phê duyệt", approved["value"].Readable(), StringComparison.Ordinal);
        var rows = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.State == ClassificationState.Decided).ToListAsync());
        Assert.Equal(10, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Reason == "Vượt tỷ lệ 20%" && r.Level == 1 && r.CompiledLevel == 0));
        Assert.Equal(10, await host.Bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "classification.result")));
        Assert.Equal(2, await host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "classification.demote" && a.Actor == "aad-head")));
    }

    [Fact]
    public async Task The_ranked_excess_names_the_viewers_people_and_counts_the_others_without_ids()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 3, good: 2, teamIsAgency: true);
        // The head of the team is rated too (on the list of the head of the agency above), above everyone: the first of the agency's excess.
        await host.Bot.QueryAsync(async db =>
        {
            foreach (var q in new[] { "2026-Q1", "2026-Q2", "2026-Q3" })
            {
                ClassificationHost.Report(db, await db.People.SingleAsync(p => p.ExternalId == "P-HEAD"), q, 30);
            }

            return await db.SaveChangesAsync();
        });
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();

        var card = await host.InvokeAsync("classification.approve", Data(), "aad-head");
        var facts = card["value"]!.ToJsonString();
        var titles = System.Text.RegularExpressions.Regex.Matches(System.Text.RegularExpressions.Regex.Unescape(facts), "\"title\":\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.True(titles.Contains("1. một người thuộc đơn vị khác"), string.Join(" | ", titles));
        Assert.True(titles.Any(t => t.StartsWith("2. Nhân Viên A (Phòng Tổng hợp)", StringComparison.Ordinal)), string.Join(" | ", titles));
        Assert.DoesNotContain(titles, t => System.Text.RegularExpressions.Regex.IsMatch(t, "^\\d+\\. \\d+$"));
        var headId = host.People["P-HEAD"].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(titles, t => t.EndsWith(". " + headId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_staff_member_replaying_the_list_never_sees_a_draft_level()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 5, teamIsAgency: true);
        await host.CompileAsync();

        var staff = (await host.InvokeAsync("classification.list", Data(), "aad-00"))["value"].Readable();
        var head = (await host.InvokeAsync("classification.list", Data(), "aad-head"))["value"].Readable();

        Assert.DoesNotContain("Nhân Viên A", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàn thành xuất sắc", staff, StringComparison.Ordinal);
        Assert.Contains("Nhân Viên A", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recorded_exception_raises_the_cap_to_25_percent()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 3, good: 12, teamIsAgency: true);
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();
        var refused = await host.InvokeAsync("classification.approve", Data(), "aad-head");
        Assert.Contains("Chưa thể phê duyệt", refused["value"].Readable(), StringComparison.Ordinal);

        // The head of the agency whose quota it is records it (the head of the agency above may not, see below).
        var incomplete = await host.InvokeAsync("classification.exception", Data(("exception.number", "12/QĐ-UBND")), "aad-head");
        Assert.Contains("Cần nhập số quyết định", incomplete["value"].Readable(), StringComparison.Ordinal);
        await host.InvokeAsync("classification.exception", Data(("exception.number", "12/QĐ-UBND"), ("exception.date", "2026-12-01"), ("exception.approver", "Chủ tịch UBND huyện")), "aad-head");
        var approved = await host.InvokeAsync("classification.approve", Data(), "aad-head");

        Assert.Contains("Đã phê duyệt", approved["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(3, await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().CountAsync(r => r.State == ClassificationState.Decided && r.Level == 0)));
        Assert.True(await host.Bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "classification.exception" && a.Actor == "aad-head")));
    }

    [Fact]
    public async Task Only_the_agency_head_records_the_exception_with_a_plausible_date_and_a_change_keeps_the_old_decision()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 3, good: 12, teamIsAgency: true);
        await host.CompileAsync();
        await host.InvokeAsync("classification.exception", Data(("exception.number", "12/QĐ-UBND"), ("exception.date", "2026-12-01"), ("exception.approver", "Chủ tịch UBND huyện")), "aad-head");

        var byHeadAbove = await host.InvokeAsync("classification.exception", Data(("exception.number", "99/QĐ"), ("exception.date", "2026-12-02"), ("exception.approver", "Ai đó")), "aad-top");
        var tooOld = await host.InvokeAsync("classification.exception", Data(("exception.number", "13/QĐ-UBND"), ("exception.date", "2020-01-01"), ("exception.approver", "Chủ tịch UBND huyện")), "aad-head");
        var future = await host.InvokeAsync("classification.exception", Data(("exception.number", "13/QĐ-UBND"), ("exception.date", "2099-01-01"), ("exception.approver", "Chủ tịch UBND huyện")), "aad-head");
        var stored = await host.Bot.QueryAsync(db => db.Set<QuotaExceptionRecord>().AsNoTracking().SingleAsync());

        Assert.Contains("Chỉ người đứng đầu cơ quan", byHeadAbove["value"].Readable(), StringComparison.Ordinal);
        Assert.Contains("Ngày quyết định phải từ năm 2026", tooOld["value"].Readable(), StringComparison.Ordinal);
        Assert.Contains("Ngày quyết định phải từ năm 2026", future["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal("12/QĐ-UBND", stored.DecisionNumber);
        Assert.Equal("aad-head", stored.RecordedBy);

        await host.InvokeAsync("classification.exception", Data(("exception.number", "14/QĐ-UBND"), ("exception.date", "2026-12-02"), ("exception.approver", "Chủ tịch UBND huyện")), "aad-head");
        var change = await host.Bot.QueryAsync(db => db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == "classification.exception.change"));
        Assert.Contains("12/QĐ-UBND", System.Text.RegularExpressions.Regex.Unescape(change.DataJson), StringComparison.Ordinal);
        Assert.Contains("14/QĐ-UBND", System.Text.RegularExpressions.Regex.Unescape(change.DataJson), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_does_not_decide_the_list_cannot_act_on_it()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 5, teamIsAgency: true);
        await host.CompileAsync();

        var staff = await host.InvokeAsync("classification.approve", Data(), "aad-00");
        var boardListByStaff = await host.InvokeAsync("classification.approve", new JsonObject { ["year"] = "2026", ["list"] = "board" }, "aad-head");
        // Paging is no way round it: another page of a list one does not decide is refused the same.
        var pageByStaff = await host.InvokeAsync("classification.page", Data(("page", "1")), "aad-00");
        var boardPageByHead = await host.InvokeAsync("classification.page", new JsonObject { ["year"] = "2026", ["list"] = "board", ["page"] = "1" }, "aad-head");

        Assert.Contains("không phải người quyết định", staff["value"].Readable(), StringComparison.Ordinal);
        Assert.Contains("không phải người quyết định", boardListByStaff["value"].Readable(), StringComparison.Ordinal);
        Assert.Contains("không phải người quyết định", pageByStaff["value"].Readable(), StringComparison.Ordinal);
        Assert.Contains("không phải người quyết định", boardPageByHead["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(0, await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().CountAsync(r => r.State == ClassificationState.Decided)));
    }
}
