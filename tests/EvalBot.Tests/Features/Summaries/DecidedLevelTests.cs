using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Summaries;

/// <summary>The person and unit summaries show the decided level once the year is decided, and the provisional one, marked so, before.</summary>
public sealed class DecidedLevelTests
{
    private static JsonObject Own => new() { ["year"] = "2026", ["list"] = "own" };

    private static async Task<string> AskAsync(ClassificationHost host, string user, string command)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = await host.Client.PostAsJsonAsync("/api/messages", Activities.Message(host.Teams.ServiceUrl, command, userAad: user, id: id));
        response.EnsureSuccessStatusCode();
        var reply = await host.Bot.QueryAsync(db => db.Outbox.Where(o => o.DedupeKey.Contains(id)).Select(o => o.ActivityJson).SingleAsync());
        return System.Text.RegularExpressions.Regex.Unescape(reply);
    }

    [Fact]
    public async Task The_person_summary_shows_the_provisional_level_until_the_year_is_decided_then_the_decided_one()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 5, teamIsAgency: true);
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();

        var before = await AskAsync(host, "aad-head", "tóm tắt nhan vien b");
        await host.InvokeAsync("classification.approve", Own, "aad-head");
        var after = await AskAsync(host, "aad-head", "tóm tắt nhan vien b");
        (await host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-01/rerate", new { level = "HT", reason = "Kết luận thanh tra", by = "Chủ tịch UBND huyện" })).EnsureSuccessStatusCode();
        var rerated = await AskAsync(host, "aad-head", "tóm tắt nhan vien b");

        Assert.Contains("Mức tạm tính", before, StringComparison.Ordinal);
        Assert.Contains("Mức tạm tính theo các kỳ đã xác nhận", before, StringComparison.Ordinal);
        Assert.Contains("Mức đã quyết định", after, StringComparison.Ordinal);
        Assert.Contains("Kết quả xếp loại chính thức năm 2026, phê duyệt ngày", after, StringComparison.Ordinal);
        Assert.DoesNotContain("tạm tính", after, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành tốt nhiệm vụ", after, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành nhiệm vụ", rerated, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàn thành tốt nhiệm vụ", rerated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dossier_says_a_year_without_data_has_none_instead_of_counting_zero_products()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 5, teamIsAgency: true);

        var dossier = await AskAsync(host, "aad-head", "hồ sơ nhan vien b");

        Assert.Matches("Chưa có dữ liệu năm 20\\d\\d", dossier);
        Assert.DoesNotContain("0 sản phẩm được giao", dossier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unit_summary_says_how_many_levels_are_decided_and_drops_provisional_once_all_are()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 5, teamIsAgency: true);
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();

        var before = await AskAsync(host, "aad-head", "đơn vị");
        await host.InvokeAsync("classification.approve", Own, "aad-head");
        var partly = await AskAsync(host, "aad-head", "đơn vị");
        await host.InvokeAsync("classification.approve", Own, "aad-top");
        var decided = await AskAsync(host, "aad-head", "đơn vị");

        Assert.Contains("Mức tạm tính theo nhóm và tỷ lệ HTXS", before, StringComparison.Ordinal);
        Assert.Contains("(6/7 người đã có kết quả chính thức, còn lại tạm tính)", partly, StringComparison.Ordinal);
        Assert.Contains("Mức xếp loại đã quyết định theo nhóm và tỷ lệ HTXS", decided, StringComparison.Ordinal);
        Assert.Contains("Kết quả xếp loại chính thức năm 2026 đã được quyết định cho cả đơn vị.", decided, StringComparison.Ordinal);
        Assert.DoesNotContain("tạm tính", decided, StringComparison.Ordinal);
        Assert.Contains("HTXS 1 · HTT 5 · HT 0 · KHT 0", decided, StringComparison.Ordinal);
    }
}
