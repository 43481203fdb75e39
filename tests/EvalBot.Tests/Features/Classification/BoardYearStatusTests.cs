using EvalBot.Core;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// The board's year status, counted in the database, says what counting every current row of the year says: the
/// lists and those decided, the drafts waiting for the competent level (the first ones shown), the heads overdue.
/// </summary>
public sealed class BoardYearStatusTests : IAsyncLifetime
{
    private readonly EvalBotFactory _bot = new(new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true" });

    public async Task InitializeAsync()
    {
        _bot.CreateClient().Dispose();
        await Poll.UntilAsync(() => _bot.QueryAsync(db => db.Set<ClassificationRecord>().AnyAsync(r => r.State == ClassificationState.Decided)), done => done, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData(2)]
    [InlineData(50)]
    public async Task The_counts_from_the_database_are_the_counts_of_every_current_row(int maxCases)
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var year = await db.Set<ClassificationRecord>().MaxAsync(r => r.Year);
        // Newer versions: three drafts the competent level must decide, one an ordinary draft; their first versions leave
        // every count.
        var first = await db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.Id).Take(4).ToListAsync();
        ClassificationOutcome[] outcomes = [ClassificationOutcome.NeedsAuthorityDecision, ClassificationOutcome.Rejected, ClassificationOutcome.NeedsAuthorityDecision, ClassificationOutcome.Rated];
        for (var i = 0; i < first.Count; i++)
        {
            var f = first[i];
            db.Add(new ClassificationRecord
            {
                PersonId = f.PersonId, Year = year, Version = f.Version + 1, SupersedesId = f.Id, State = ClassificationState.Draft, UnitId = f.UnitId,
                AgencyUnitId = f.AgencyUnitId, GroupKey = f.GroupKey, DeciderPersonId = f.DeciderPersonId, Outcome = outcomes[i], Level = 3, Score = f.Score,
                RuleSetId = f.RuleSetId, RuleSetVersion = f.RuleSetVersion, CompiledAt = f.CompiledAt,
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var afterDeadline = new DateTimeOffset(year, 12, 20, 3, 0, 0, TimeSpan.Zero);
        var status = await scope.ServiceProvider.GetRequiredService<IBoardYearStatus>().ForAsync(year, afterDeadline, "vi", maxCases, CancellationToken.None);

        var rows = await scope.ServiceProvider.GetRequiredService<ClassificationStore>().CurrentAsync(year, tracked: false, CancellationToken.None);
        var lists = rows.GroupBy(r => r.DeciderPersonId).ToList();
        var waiting = rows.Where(r => r.State == ClassificationState.Draft && r.Outcome.NeedsDecision()).OrderBy(r => r.Id).ToList();
        Assert.True(status.Compiled);
        Assert.Equal(lists.Count, status.Lists);
        Assert.Equal(lists.Count(l => l.All(r => r.State == ClassificationState.Decided)), status.ListsDecided);
        Assert.Equal(waiting.Count, status.CasesTotal);
        Assert.Equal(3, status.CasesTotal);
        Assert.Equal(waiting.Take(maxCases).Select(r => r.PersonId), status.Cases.Select(c => c.PersonId));
        Assert.Equal(lists.Where(l => l.Any(r => r.State == ClassificationState.Draft)).Select(l => l.Count(r => r.State == ClassificationState.Draft)), status.Overdue.Select(o => o.Waiting));
        Assert.NotEmpty(status.Overdue);
    }
}
