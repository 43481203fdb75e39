using System.Text.RegularExpressions;
using EvalBot.Features.Party;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// Rule 27 for the Party track: before the 31 December deadline each holder of a pending step gets one card of what waits
/// for them, on the configured days only and once a day; after it, the holders get it as overdue and the organisation
/// board gets every overdue rating with who holds it.
/// </summary>
public sealed class PartyRemindersTests : IAsyncLifetime
{
    private PartyHost _host = null!;

    public async Task InitializeAsync() => _host = await PartyHost.StartOpenAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rule27_holders_are_reminded_on_the_configured_days_before_the_deadline_and_the_board_gets_what_is_overdue()
    {
        var id = (await _host.RatingOfAsync("P-01")).Id;
        await _host.PressAsync("party.self", id, "aad-01", ("party.general", "25"), ("party.task", "60.5"));

        Assert.Equal(4, await RemindAsync(new DateTimeOffset(2026, 12, 24, 3, 0, 0, TimeSpan.Zero))); // 7 days before
        Assert.Equal(0, await RemindAsync(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero))); // the same day again
        Assert.Equal(0, await RemindAsync(new DateTimeOffset(2026, 12, 25, 3, 0, 0, TimeSpan.Zero))); // not a reminder day

        var before = await CardsAsync();
        Assert.Equal(["aad-00", "aad-board", "aad-head", "aad-top"], before.Select(c => c.To).Order(StringComparer.Ordinal));
        var top = before.Single(c => c.To == "aad-top").Text;
        Assert.Contains("hạn 31/12/2026, còn 7 ngày", top, StringComparison.Ordinal);
        Assert.Contains("Tập thể lãnh đạo UBND xã", top, StringComparison.Ordinal);
        Assert.Contains("Chủ tịch Top", top, StringComparison.Ordinal);
        Assert.Contains("Nhân Viên B", before.Single(c => c.To == "aad-board").Text, StringComparison.Ordinal); // the advisory body verifies

        Assert.Equal(4, await RemindAsync(new DateTimeOffset(2027, 1, 1, 3, 0, 0, TimeSpan.Zero))); // the day after: overdue (the board is also a holder here)
        var board = (await CardsAsync()).Where(c => c.To == "aad-board").Select(c => c.Text).Last();
        Assert.Contains("Quá hạn kiểm điểm, xếp loại đảng viên năm 2026 (hạn 31/12/2026)", board, StringComparison.Ordinal);
        Assert.Contains("Tự đánh giá, chờ Chủ tịch Top", board, StringComparison.Ordinal);
        Assert.Contains("Thẩm định, chờ Ban Tổ Chức", board, StringComparison.Ordinal);
        Assert.DoesNotContain("60.5", board, StringComparison.Ordinal);
    }

    private async Task<int> RemindAsync(DateTimeOffset now)
    {
        await using var scope = _host.Inner.Bot.Services.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<PartyReminders>().RemindAsync(now, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<EvalBotDbContext>().SaveChangesAsync();
        return queued;
    }

    private async Task<List<(string To, string Text)>> CardsAsync() =>
        [.. (await _host.Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "party.remind").OrderBy(o => o.Id).Select(o => new { o.RecipientAadObjectId, o.ActivityJson }).ToListAsync()))
            .Select(c => (c.RecipientAadObjectId!, Regex.Unescape(c.ActivityJson)))];
}
