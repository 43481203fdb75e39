using System.Text.RegularExpressions;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// After the decision: the last decision of an organisation publishes its levels to its members in their personal chats,
/// levels only (never comments, points or opinions, rule 39), once; nothing is published while a rating is undecided.
/// </summary>
public sealed class PartyPublicationTests : IAsyncLifetime
{
    private PartyHost _host = null!;

    public async Task InitializeAsync() => _host = await PartyHost.StartOpenAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_last_decision_of_a_cell_publishes_its_levels_to_every_member_and_nothing_else()
    {
        var last = (await _host.RatingOfAsync("P-01")).Id;
        await _host.Inner.Bot.QueryAsync(async db =>
        {
            var cell = await db.PartyOrganisations.SingleAsync(o => o.ExternalId == "CB");
            foreach (var r in await db.PartyRatings.Where(r => r.PartyOrganisationId == cell.Id && r.Id != last).ToListAsync())
                (r.Level, r.Step, r.DecidedAt, r.DecisionNote) = ((int)EvalBot.Domain.Level.Good, PartyRatingStep.Decided, DateTimeOffset.UnixEpoch, "Nhận xét riêng");
            return await db.SaveChangesAsync();
        });
        await _host.PressAsync("party.self", last, "aad-01", ("party.general", "25"), ("party.task", "60.5"));
        await _host.PressAsync("party.verify", last, "aad-board", ("party.general", "24"), ("party.task", "60.5"), ("party.note", "Trừ 1 điểm tiêu chí chung"),
            ("party.residence", "Gương mẫu nơi cư trú"));
        Assert.Equal(0, await Published());

        await _host.PressAsync("party.decide", last, "aad-top", ("party.level", "HT"), ("party.note", "Còn chậm tiến độ"));
        await _host.PressAsync("party.decide", last, "aad-top", ("party.level", "HT"), ("party.note", "Còn chậm tiến độ"));

        var cards = await _host.Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "party.published").Select(o => new { o.RecipientAadObjectId, o.ActivityJson }).ToListAsync());
        Assert.Equal(["aad-00", "aad-01", "aad-02", "aad-head", "aad-top"], cards.Select(c => c.RecipientAadObjectId).Order(StringComparer.Ordinal));
        var shown = Regex.Unescape(cards[0].ActivityJson);
        Assert.Contains("Kết quả xếp loại chất lượng năm 2026: Chi bộ Văn phòng", shown, StringComparison.Ordinal);
        Assert.Contains("Đã quyết định tất cả 4 trường hợp", shown, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành tốt nhiệm vụ: 3; Hoàn thành nhiệm vụ: 1.", shown, StringComparison.Ordinal);
        foreach (var name in new[] { "Nhân Viên A", "Nhân Viên B", "Trưởng Phòng Head", "Chủ tịch Top" }) Assert.Contains(name, shown, StringComparison.Ordinal);
        foreach (var secret in new[] { "Còn chậm tiến độ", "Nhận xét riêng", "Trừ 1 điểm", "cư trú", "60.5", "60,5" }) Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
    }

    private Task<int> Published() => _host.Inner.Bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "party.published"));
}
