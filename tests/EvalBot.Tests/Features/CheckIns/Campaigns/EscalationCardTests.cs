using EvalBot.Domain.Calendar;
using Period = EvalBot.Domain.Records.Period;
using EvalBot.Features.CheckIns.Campaigns;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.CheckIns.Campaigns;

public sealed class EscalationCardTests
{
    [Fact]
    public async Task A_head_digest_of_60_non_responders_names_a_page_and_counts_the_rest()
    {
        await using var app = new EvalBotFactory();
        var card = app.Services.GetRequiredService<EscalationCard>();
        var unit = new Unit { Id = 1, ExternalId = "U", Name = "Sở Nội vụ" };
        var head = new Person { Id = 100, ExternalId = "HEAD", FullName = "Trưởng Đơn Vị", Unit = unit };
        var people = Enumerable.Range(1, 60).Select(i => new Person { Id = i, ExternalId = $"P{i}", FullName = $"Người Số {i:00}", Unit = unit }).ToList();
        var campaign = new CheckInCampaign { Period = "2026-Q4", OpenedBy = "test", OpenedAt = new DateTimeOffset(2026, 10, 1, 1, 0, 0, TimeSpan.Zero), ClosesAt = new DateTimeOffset(2026, 10, 15, 1, 0, 0, TimeSpan.Zero) };

        var rendered = card.Render(head, 2, Period.Parse("2026-Q4", "U"), campaign, people, new HashSet<long> { 1 }).Readable();

        Assert.Contains("Người Số 25", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("Người Số 26", rendered, StringComparison.Ordinal);
        Assert.Contains("… và 35 người khác", rendered, StringComparison.Ordinal);
        Assert.Contains("60", rendered, StringComparison.Ordinal);
    }
}
