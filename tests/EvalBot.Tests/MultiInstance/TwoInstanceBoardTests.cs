using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.MultiInstance;

/// <summary>
/// The board's operations on two bot processes sharing one PostgreSQL database: a queued operation is run by exactly one
/// of them (its request audited once), and one left running by an instance that stopped reporting is taken over and
/// finished by another; every person gets one prompt.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class TwoInstanceBoardTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private static readonly string Period = Cluster.PastQuarter(1);

    private FakeTeamsConnector _teams = null!;
    private BotProcess _a = null!;
    private BotProcess _b = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        await Cluster.MigrateAsync(postgres);
        await Cluster.SeedAsync(postgres, 20, _teams.ServiceUrl, Period);
        var settings = Cluster.Settings(postgres.ConnectionString, new Dictionary<string, string>
        {
            ["Board__PollMilliseconds"] = "50", ["Board__ProgressSeconds"] = "1", ["Board__WatchMinutes"] = "2", ["Board__StaleMinutes"] = "1",
        });
        var started = await Task.WhenAll(BotProcess.StartAsync("A", settings), BotProcess.StartAsync("B", settings));
        (_a, _b) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task A_queued_operation_is_run_by_one_instance_and_a_stale_one_is_taken_over()
    {
        var now = TimeProvider.System.GetUtcNow();
        long queued, stale;
        await using (var db = Cluster.Db(postgres))
        {
            var open = Row("aad-board", BoardTaskStatus.Queued, null, null, now);
            var gone = Row("aad-board-2", BoardTaskStatus.Running, "gone-instance", now.AddMinutes(-5), now);
            db.BoardTasks.AddRange(open, gone);
            await db.SaveChangesAsync();
            (queued, stale) = (open.Id, gone.Id);
        }

        var tasks = await UntilAsync(async db =>
        {
            var rows = await db.BoardTasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
            return rows.All(t => t.Status is BoardTaskStatus.Done or BoardTaskStatus.Refused or BoardTaskStatus.Failed) ? rows : null;
        });

        Assert.Equal((BoardTaskStatus.Done, "boardResultOpened"), (tasks.Single(t => t.Id == queued).Status, tasks.Single(t => t.Id == queued).ResultKey));
        Assert.Equal((BoardTaskStatus.Done, "boardResultOpened"), (tasks.Single(t => t.Id == stale).Status, tasks.Single(t => t.Id == stale).ResultKey));
        Assert.NotEqual("gone-instance", tasks.Single(t => t.Id == stale).ClaimedBy);
        await using var check = Cluster.Db(postgres);
        // Run once: one request recorded for the opening, one prompt per person.
        Assert.Equal(1, await check.AuditLog.CountAsync(a => a.Action == "campaign.open-requested" && a.Actor == "aad-board"));
        Assert.Equal(1, await check.AuditLog.CountAsync(a => a.Action == "campaign.open-requested" && a.Actor == "aad-board-2"));
        var prompts = await check.Outbox.Where(o => o.Kind == "checkin.prompt" && o.Period == Period).GroupBy(o => o.PersonId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(20, prompts.Count);
        Assert.All(prompts, n => Assert.Equal(1, n));
    }

    private BoardTask Row(string requestedBy, BoardTaskStatus status, string? claimedBy, DateTimeOffset? heartbeat, DateTimeOffset now) => new()
    {
        Kind = "period.open", Argument = Period, Status = status, RequestedBy = requestedBy, Language = "vi", ServiceUrl = _teams.ServiceUrl,
        ConversationId = "a:board", CreatedAt = now, ClaimedBy = claimedBy, HeartbeatAt = heartbeat, StartedAt = heartbeat,
    };

    private async Task<T> UntilAsync<T>(Func<EvalBot.Persistence.PostgresEvalBotDbContext, Task<T?>> probe)
        where T : class
    {
        for (var i = 0; i < 600; i++)
        {
            await using var db = Cluster.Db(postgres);
            if (await probe(db) is { } found) return found;
            await Task.Delay(100);
        }

        throw new TimeoutException("The board operations did not end.");
    }
}
