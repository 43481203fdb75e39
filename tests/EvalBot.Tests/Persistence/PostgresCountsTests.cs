using EvalBot.Core;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Persistence;

/// <summary>
/// The counts and choices made in the database for the board card and the lists read the same on PostgreSQL: the
/// year's classification rows counted by list, state and outcome, the first drafts waiting for the competent level,
/// and whom a head may see.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresCountsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private EvalBotFactory _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new EvalBotFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:EvalBot"] = postgres.ConnectionString,
        });
        _bot.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_board_counts_and_whom_a_head_may_see_are_chosen_in_PostgreSQL_as_on_SQLite()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var agency = new Unit { ExternalId = "PGC-A", Name = "Sở A", IsAgency = true };
        var other = new Unit { ExternalId = "PGC-B", Name = "Sở B", IsAgency = true };
        db.Units.AddRange(agency, other);
        await db.SaveChangesAsync();
        var team = new Unit { ExternalId = "PGC-A1", Name = "Phòng A1", ParentId = agency.Id };
        db.Units.Add(team);
        await db.SaveChangesAsync();
        var head = new Person { ExternalId = "PGC-1", FullName = "Trưởng", UnitId = agency.Id, IsLeader = true };
        db.People.Add(head);
        await db.SaveChangesAsync();
        agency.HeadPersonId = head.Id;
        var member = new Person { ExternalId = "PGC-2", FullName = "Thành viên", UnitId = team.Id, ManagerId = head.Id };
        var seconded = new Person { ExternalId = "PGC-3", FullName = "Biệt phái", UnitId = other.Id, ManagerId = head.Id };
        var outside = new Person { ExternalId = "PGC-4", FullName = "Sở khác", UnitId = other.Id };
        var left = new Person { ExternalId = "PGC-5", FullName = "Đã nghỉ", UnitId = team.Id, IsActive = false };
        db.People.AddRange(member, seconded, outside, left);
        await db.SaveChangesAsync();

        var now = TimeProvider.System.GetUtcNow();
        ClassificationRecord Row(Person p, int version, ClassificationState state, ClassificationOutcome outcome, long? decider) => new()
        {
            PersonId = p.Id, Year = 2026, Version = version, State = state, Outcome = outcome, UnitId = p.UnitId, AgencyUnitId = agency.Id,
            DeciderPersonId = decider, RuleSetId = "default", RuleSetVersion = "1", CompiledAt = now,
        };
        db.AddRange(
            Row(head, 1, ClassificationState.Decided, ClassificationOutcome.Rated, null),
            Row(member, 1, ClassificationState.Draft, ClassificationOutcome.Rated, head.Id),
            Row(member, 2, ClassificationState.Draft, ClassificationOutcome.Rejected, head.Id),
            Row(seconded, 1, ClassificationState.Draft, ClassificationOutcome.NeedsAuthorityDecision, head.Id),
            Row(outside, 1, ClassificationState.Draft, ClassificationOutcome.Rated, head.Id));
        await db.SaveChangesAsync();

        var store = scope.ServiceProvider.GetRequiredService<ClassificationStore>();
        var counts = (await store.CountsAsync(2026, CancellationToken.None)).OrderBy(c => c.FirstId).Select(c => (c.DeciderPersonId, c.State, c.Outcome, c.Count)).ToList();
        Assert.Equal(
            [(null, ClassificationState.Decided, ClassificationOutcome.Rated, 1), (head.Id, ClassificationState.Draft, ClassificationOutcome.Rejected, 1),
             (head.Id, ClassificationState.Draft, ClassificationOutcome.NeedsAuthorityDecision, 1), (head.Id, ClassificationState.Draft, ClassificationOutcome.Rated, 1)],
            counts);

        var status = await scope.ServiceProvider.GetRequiredService<IBoardYearStatus>().ForAsync(2026, new DateTimeOffset(2026, 12, 20, 3, 0, 0, TimeSpan.Zero), "vi", 1, CancellationToken.None);
        Assert.Equal((2, 1, 2), (status.Lists, status.ListsDecided, status.CasesTotal));
        Assert.Equal([(member.Id, "Phòng A1")], status.Cases.Select(c => (c.PersonId, c.Unit)));
        Assert.Equal([("Trưởng", "Sở A", 3)], status.Overdue.Select(o => (o.Head, o.Unit, o.Waiting)));

        var visible = (await scope.ServiceProvider.GetRequiredService<SummaryAccess>().VisiblePeopleAsync(head, CancellationToken.None)).Select(p => p.ExternalId);
        Assert.Equal(["PGC-1", "PGC-2", "PGC-3"], visible);
    }
}
