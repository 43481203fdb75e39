using EvalBot.Features.Board;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Board;

/// <summary>
/// The board card's line of each unit counts that unit's active people, its reports submitted in the period and those
/// confirmed, exactly as counting the rows one by one does.
/// </summary>
public sealed class BoardStatusTests : IAsyncLifetime
{
    private readonly EvalBotFactory _bot = new(new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true" });

    public async Task InitializeAsync()
    {
        _bot.CreateClient().Dispose();
        await Poll.UntilAsync(() => _bot.QueryAsync(db => db.CheckInReports.CountAsync()), count => count > 0, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Each_units_line_counts_its_own_people_and_reports_of_the_period()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        // The period with the most reports in the demo data, opened last.
        var busiest = await db.CheckInReports.Where(r => r.IsCurrent && r.Status != CheckInStatus.Draft).GroupBy(r => r.Period)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var now = TimeProvider.System.GetUtcNow();
        db.CheckInCampaigns.Add(new CheckInCampaign { Period = busiest, OpenedAt = now, ClosesAt = now.AddDays(30), OpenedBy = "test" });
        await db.SaveChangesAsync();
        var period = await scope.ServiceProvider.GetRequiredService<BoardStatus>().PeriodAsync(CancellationToken.None);

        Assert.NotNull(period);
        Assert.Equal(busiest, period.Campaign.Period);
        var people = await db.People.AsNoTracking().ToListAsync();
        var reports = await db.CheckInReports.AsNoTracking().Where(r => r.Period == period.Campaign.Period && r.IsCurrent && r.Status != CheckInStatus.Draft).ToListAsync();
        var unitOf = people.ToDictionary(p => p.Id, p => p.UnitId);
        var expected = (await db.Units.AsNoTracking().OrderBy(u => u.Name).ToListAsync())
            .Select(u => new BoardUnitRow(
                u.Name,
                people.Count(p => p.IsActive && p.UnitId == u.Id),
                reports.Count(r => unitOf[r.PersonId] == u.Id),
                reports.Count(r => unitOf[r.PersonId] == u.Id && r.Status is CheckInStatus.Confirmed or CheckInStatus.Adjusted)))
            .Where(r => r.People > 0)
            .Take(BoardStatus.MaxUnits)
            .ToList();
        Assert.Equal(expected, period.Units);
        Assert.Contains(period.Units, u => u.Submitted > 0);
    }
}
