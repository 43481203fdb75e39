using EvalBot.Core;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Core;

/// <summary>
/// A list of one decider, agency or unit is chosen in the database and holds exactly the rows the whole year's current
/// rows hold for it: the newest version of each person, the filter applied to that version only.
/// </summary>
public sealed class ClassificationStoreTests : IAsyncLifetime
{
    private readonly EvalBotFactory _bot = new(new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true" });

    public async Task InitializeAsync()
    {
        _bot.CreateClient().Dispose();
        await Poll.UntilAsync(() => _bot.QueryAsync(db => db.Set<ClassificationRecord>().AnyAsync(r => r.State == ClassificationState.Decided)), done => done, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_list_read_in_the_database_is_the_whole_years_current_rows_filtered()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var year = await db.Set<ClassificationRecord>().MaxAsync(r => r.Year);
        var first = await db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.Id).Take(3).ToListAsync();
        var otherDecider = await db.People.Where(p => p.Id != first[0].DeciderPersonId).OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstAsync();
        // Newer versions: the first person moves to another decider, the second to the board's list, the third keeps
        // their decider with another level. Their first versions must leave every list they no longer belong to.
        long?[] deciders = [otherDecider, null, first[2].DeciderPersonId];
        for (var i = 0; i < 3; i++)
        {
            db.Add(new ClassificationRecord
            {
                PersonId = first[i].PersonId, Year = year, Version = first[i].Version + 1, SupersedesId = first[i].Id, State = ClassificationState.Draft,
                UnitId = first[i].UnitId, AgencyUnitId = first[i].AgencyUnitId, GroupKey = first[i].GroupKey, DeciderPersonId = deciders[i],
                Outcome = first[i].Outcome, Level = 3, Score = first[i].Score, RuleSetId = first[i].RuleSetId, RuleSetVersion = first[i].RuleSetVersion,
                CompiledAt = first[i].CompiledAt,
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var store = scope.ServiceProvider.GetRequiredService<ClassificationStore>();
        var all = await store.CurrentAsync(year, tracked: false, CancellationToken.None);
        Assert.Equal(all.Count, all.Select(r => r.PersonId).Distinct().Count());
        Assert.All(first, f => Assert.Equal(f.Version + 1, all.Single(r => r.PersonId == f.PersonId).Version));

        static string Ids(IEnumerable<ClassificationRecord> rows) => string.Join(",", rows.Select(r => $"{r.Id}:{r.Version}"));
        foreach (var decider in all.Select(r => r.DeciderPersonId).Distinct().Append(first[0].DeciderPersonId))
        {
            Assert.Equal(Ids(all.Where(r => r.DeciderPersonId == decider)), Ids(await store.ListOfAsync(decider, year, CancellationToken.None)));
        }

        foreach (var agency in all.Select(r => r.AgencyUnitId).Distinct())
        {
            Assert.Equal(Ids(all.Where(r => r.AgencyUnitId == agency)),
                Ids(await store.CurrentWhereAsync(year, r => r.AgencyUnitId == agency, tracked: false, CancellationToken.None)));
        }

        var light = await store.CurrentOfAsync(year, [.. all.Select(r => r.PersonId)], CancellationToken.None);
        Assert.Equal(Ids(all), Ids(light));
        Assert.Equal(all.Select(r => (r.DeciderPersonId, r.State, r.Outcome, r.Level, r.Score, r.UnitId)), light.Select(r => (r.DeciderPersonId, r.State, r.Outcome, r.Level, r.Score, r.UnitId)));
        Assert.All(light, r => Assert.Equal("[]", r.ExplanationJson));

        var counts = await store.CountsAsync(year, CancellationToken.None);
        Assert.Equal(
            all.GroupBy(r => (r.DeciderPersonId, r.State, r.Outcome)).Select(g => new ClassificationCount(g.Key.DeciderPersonId, g.Key.State, g.Key.Outcome, g.Count(), g.Min(r => r.Id))).OrderBy(c => c.FirstId),
            counts.OrderBy(c => c.FirstId));
        var waiting = all.Where(r => r.State == ClassificationState.Draft).OrderBy(r => r.Id).Select(r => r.Id).Take(2);
        Assert.Equal(waiting, await store.FirstIdsAsync(year, r => r.State == ClassificationState.Draft, 2, CancellationToken.None));

        Assert.Equal(Ids(all.Where(r => r.Level == 3)), Ids(await store.CurrentWhereAsync(year, r => r.Level == 3, tracked: false, CancellationToken.None)));
        Assert.Empty(await store.CurrentWhereAsync(year + 1, r => true, tracked: false, CancellationToken.None));
    }
}
