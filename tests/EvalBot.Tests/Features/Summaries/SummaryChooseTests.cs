using System.Net.Http.Json;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Summaries;

/// <summary>When several people match a summary request, the list tells them apart by their unit, not by an email.</summary>
public sealed class SummaryChooseTests
{
    [Fact]
    public async Task The_choose_list_shows_each_persons_unit_and_no_email()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 2);
        var id = Guid.NewGuid().ToString("N");
        (await host.Client.PostAsJsonAsync("/api/messages", Activities.Message(host.Teams.ServiceUrl, "hồ sơ Nhân Viên", userAad: "aad-board", id: id))).EnsureSuccessStatusCode();

        var reply = System.Text.RegularExpressions.Regex.Unescape(await host.Bot.QueryAsync(db => db.Outbox.Where(o => o.DedupeKey.Contains(id)).Select(o => o.ActivityJson).SingleAsync()));

        Assert.Contains("Có nhiều người phù hợp", reply, StringComparison.Ordinal);
        Assert.Contains("Phòng Tổng hợp", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.test", reply, StringComparison.Ordinal);
    }
}
