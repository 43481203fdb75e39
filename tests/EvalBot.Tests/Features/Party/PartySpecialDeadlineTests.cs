using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalBot.Features.Party;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// Rule 27's special units: an organisation marked special (and everything under it) is due on 15 January of the next
/// year, so its holders are reminded against that day; the organisation board's card lists the ratings already past
/// their own deadline, with the step waiting and who holds it.
/// </summary>
public sealed class PartySpecialDeadlineTests : IAsyncLifetime
{
    private PartyHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PartyHost.StartOpenAsync();
        await _host.Inner.Bot.QueryAsync(db => db.PartyOrganisations.Where(o => o.ExternalId == "CB").ExecuteUpdateAsync(u => u.SetProperty(o => o.IsSpecial, true)));
        await _host.Inner.SayAsync("trợ giúp", "aad-top"); // the organisation's tenant is learnt from a first activity
        await _host.Inner.Teams.NextAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rule27_a_special_cell_is_reminded_against_15_January_and_the_others_against_31_December()
    {
        Assert.Equal(["aad-top"], await RemindedAsync(new DateTimeOffset(2026, 12, 24, 3, 0, 0, TimeSpan.Zero))); // the committee's collective: 7 days before 31/12
        var january = await RemindedAsync(new DateTimeOffset(2027, 1, 8, 3, 0, 0, TimeSpan.Zero)); // 7 days before 15/01
        Assert.Equal(["aad-00", "aad-01", "aad-board", "aad-head"], january.Where(a => a != "aad-top")); // the board: the collective is a week overdue
        var text = await LastTextAsync("aad-00");
        Assert.Contains("15/01/2027", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_card_lists_the_Party_ratings_past_their_own_deadline()
    {
        await _host.Inner.SayAsync("quản trị", "aad-board");
        Assert.DoesNotContain("Kiểm điểm, xếp loại Đảng quá hạn", Texts((await _host.Inner.Teams.NextAsync()).FirstCard!), StringComparison.Ordinal);

        _host.Time.Skip(TimeSpan.FromDays(23)); // 2 January 2027: the collective (31/12) is overdue, the special cell (15/01) not yet
        await _host.Inner.SayAsync("quản trị", "aad-board");
        var card = Texts((await _host.Inner.Teams.NextAsync()).FirstCard!);
        Assert.Contains("Kiểm điểm, xếp loại Đảng quá hạn: 1", card, StringComparison.Ordinal);
        Assert.Contains("Tập thể lãnh đạo UBND xã · Tự đánh giá, chờ Chủ tịch Top · hạn 31/12/2026", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhân Viên A", card, StringComparison.Ordinal);

        _host.Time.Skip(TimeSpan.FromDays(14)); // 16 January: every rating is overdue
        await _host.Inner.SayAsync("admin", "aad-board", locale: "en-US");
        var english = Texts((await _host.Inner.Teams.NextAsync()).FirstCard!);
        Assert.Contains("Party ratings overdue: 5", english, StringComparison.Ordinal);
        Assert.Contains("Nhân Viên A · Self-rating, waiting for Nhân Viên A · due 15/01/2027", english, StringComparison.Ordinal);
    }

    private async Task<List<string>> RemindedAsync(DateTimeOffset now)
    {
        var before = await _host.Inner.Bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "party.remind"));
        await using (var scope = _host.Inner.Bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PartyReminders>().RemindAsync(now, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<EvalBotDbContext>().SaveChangesAsync();
        }

        return await _host.Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "party.remind").OrderBy(o => o.Id).Skip(before)
            .Select(o => o.RecipientAadObjectId!).ToListAsync()).ContinueWith(t => t.Result.Order(StringComparer.Ordinal).ToList(), TaskScheduler.Default);
    }

    private Task<string> LastTextAsync(string aad) => _host.Inner.Bot.QueryAsync(async db =>
        Regex.Unescape((await db.Outbox.Where(o => o.Kind == "party.remind" && o.RecipientAadObjectId == aad).OrderBy(o => o.Id).LastAsync()).ActivityJson));

    private static string Texts(JsonNode card) => Regex.Unescape(card.ToJsonString()).Replace("\\", "", StringComparison.Ordinal);
}
