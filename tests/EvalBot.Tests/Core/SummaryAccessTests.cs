using EvalBot.Core;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Core;

/// <summary>
/// Who a viewer may see, chosen in the database, is exactly the rule applied to the whole organisation: themselves,
/// their direct reports wherever they sit, everyone in the units they head and below; the board everyone; never
/// someone inactive.
/// </summary>
public sealed class SummaryAccessTests : IAsyncLifetime
{
    private readonly EvalBotFactory _bot = new(new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true" });

    public async Task InitializeAsync()
    {
        _bot.CreateClient().Dispose();
        await Poll.UntilAsync(() => _bot.QueryAsync(db => db.People.CountAsync()), count => count > 10, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Every_viewer_sees_exactly_the_rule_applied_to_the_whole_organisation()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        // A direct report in a unit their leader does not head, and someone inactive in a unit that leader heads.
        var access = scope.ServiceProvider.GetRequiredService<SummaryAccess>();
        var leaf = await db.Units.Where(u => u.HeadPersonId != null && !db.Units.Any(c => c.ParentId == u.Id)).OrderBy(u => u.Id).FirstAsync();
        var head = await db.People.SingleAsync(p => p.Id == leaf.HeadPersonId);
        var headed = (await access.VisibleUnitsAsync(head, CancellationToken.None)).Select(u => u.Id).ToList();
        var elsewhere = await db.Units.Where(u => !headed.Contains(u.Id)).OrderBy(u => u.Id).FirstAsync();
        db.People.Add(new Person { ExternalId = "ACCESS-1", FullName = "Báo cáo trực tiếp", UnitId = elsewhere.Id, ManagerId = head.Id, IsActive = true });
        db.People.Add(new Person { ExternalId = "ACCESS-2", FullName = "Đã nghỉ", UnitId = leaf.Id, IsActive = false });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var everyone = await db.People.AsNoTracking().ToListAsync();
        var checkedViewers = 0;
        foreach (var viewer in everyone.Where(p => p.IsActive))
        {
            var units = (await access.VisibleUnitsAsync(viewer, CancellationToken.None)).Select(u => u.Id).ToHashSet();
            var expected = everyone.Where(p => p.IsActive && (viewer.IsOrganisationBoard || p.Id == viewer.Id || p.ManagerId == viewer.Id || units.Contains(p.UnitId)))
                .Select(p => p.Id).Order();
            var seen = (await access.VisiblePeopleAsync(viewer, CancellationToken.None)).Select(p => p.Id);
            Assert.Equal(expected, seen);
            checkedViewers++;
        }

        var ids = (await access.VisiblePeopleAsync(head, CancellationToken.None)).Select(p => p.ExternalId).ToList();
        Assert.Contains("ACCESS-1", ids);
        Assert.DoesNotContain("ACCESS-2", ids);
        Assert.True(checkedViewers > 10);
        Assert.Contains(everyone, p => p.IsOrganisationBoard && p.IsActive);
    }
}
