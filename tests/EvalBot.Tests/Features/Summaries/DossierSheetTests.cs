using System.Net.Http.Json;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Summaries;

/// <summary>The dossier shows the person's score sheet: its criteria, their maxima, what earns the points, and the year's mean on each general criterion.</summary>
public sealed class DossierSheetTests
{
    private static async Task<string> AskAsync(ClassificationHost host, string command, string? locale = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = await host.Client.PostAsJsonAsync("/api/messages", Activities.Message(host.Teams.ServiceUrl, command, userAad: "aad-head", id: id, locale: locale));
        response.EnsureSuccessStatusCode();
        var reply = await host.Bot.QueryAsync(db => db.Outbox.Where(o => o.DedupeKey.Contains(id)).Select(o => o.ActivityJson).SingleAsync());
        return System.Text.RegularExpressions.Regex.Unescape(reply);
    }

    [Fact]
    public async Task The_dossier_lists_the_sheets_criteria_with_their_points_and_none_without_a_sheet()
    {
        await using var host = await ScoreSheetCompileTests.StartWithSheetAsync();

        var withSheet = await AskAsync(host, "hồ sơ P-00");
        var english = await AskAsync(host, "dossier P-00", "en-US");
        var without = await AskAsync(host, "hồ sơ P-01");

        Assert.Contains("Biểu điểm áp dụng: theo vị trí việc làm", withSheet, StringComparison.Ordinal);
        Assert.Contains("Đạo đức công vụ", withSheet, StringComparison.Ordinal);
        Assert.Contains("Tiêu chí chung · tối đa 12 điểm; bình quân các kỳ: 11", withSheet, StringComparison.Ordinal);
        Assert.Contains("Tiêu chí chung · tối đa 8 điểm; bình quân các kỳ: 7,5", withSheet, StringComparison.Ordinal);
        Assert.Contains("Kết quả thực hiện nhiệm vụ · tối đa 70 điểm", withSheet, StringComparison.Ordinal);
        Assert.Contains("Không vi phạm kỷ luật: đủ 12 điểm", withSheet, StringComparison.Ordinal);
        Assert.Contains("Public-service ethics", english, StringComparison.Ordinal);
        Assert.Contains("General criteria · at most 12 points; period mean: 11", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Biểu điểm áp dụng", without, StringComparison.Ordinal);
    }
}
