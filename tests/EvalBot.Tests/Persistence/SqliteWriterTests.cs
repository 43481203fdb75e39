using EvalBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Persistence;

public sealed class SqliteWriterTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"evalbot-writer-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Concurrent_units_of_work_write_one_at_a_time_share_syncs_and_every_commit_is_stored()
    {
        using var writer = new SqliteWriter();
        await ExecuteAsync("CREATE TABLE marks (n INTEGER NOT NULL)");
        var inside = 0;
        var mostInside = 0;

        await Task.WhenAll(Enumerable.Range(0, 100).Select(n => Task.Run(async () =>
        {
            await using var db = Context(pooling: true);
            await using var write = await writer.EnterAsync(db, CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref mostInside, now);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO marks (n) VALUES ({n})");
                await transaction.CommitAsync();
            }

            Interlocked.Decrement(ref inside);
            await write.CommittedAsync();
        })));

        Assert.Equal(1, mostInside);
        Assert.Equal(100L, await ScalarAsync("SELECT count(DISTINCT n) FROM marks"));
        // Every commit waited for a sync, one of which may cover several (how many depends on the disk's speed:
        // WalSyncTests shows the grouping with a sync it holds).
        Assert.InRange(writer.Syncs, 1, 100);
        // Every pooled connection is back to synchronous=FULL for whoever takes it next.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(2L, await ScalarAsync("PRAGMA synchronous"));
        }
    }

    [Fact]
    public async Task A_unit_of_work_that_fails_before_its_commit_passes_its_place_on_with_full_sync()
    {
        using var writer = new SqliteWriter();
        await ExecuteAsync("CREATE TABLE marks (n INTEGER NOT NULL)");
        await using (var db = Context(pooling: true))
        {
            await using var write = await writer.EnterAsync(db, CancellationToken.None);
            Assert.Equal(1L, await ScalarAsync(db, "PRAGMA synchronous"));
        }

        await using var next = Context(pooling: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var lease = await writer.EnterAsync(next, timeout.Token);
        await lease.CommittedAsync();
        Assert.Equal(2L, await ScalarAsync("PRAGMA synchronous"));
        Assert.Equal(1, writer.Syncs); // the second unit's; the failed one asked for none
    }

    [Fact]
    public async Task An_in_memory_database_is_only_queued_never_synced()
    {
        using var writer = new SqliteWriter();
        await using var db = new SqliteEvalBotDbContext(new DbContextOptionsBuilder<SqliteEvalBotDbContext>().UseSqlite("Data Source=:memory:").Options);
        await using var write = await writer.EnterAsync(db, CancellationToken.None);
        await write.CommittedAsync();
        Assert.Equal(0, writer.Syncs);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    private SqliteEvalBotDbContext Context(bool pooling) => new(new DbContextOptionsBuilder<SqliteEvalBotDbContext>()
        .UseSqlite($"Data Source={_file};Pooling={pooling}")
        .AddInterceptors(new SqliteConnectionSetup())
        .Options);

    private async Task ExecuteAsync(string sql)
    {
        await using var db = Context(pooling: true);
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var db = Context(pooling: true);
        await db.Database.OpenConnectionAsync();
        return await ScalarAsync(db, sql);
    }

    private static async Task<long> ScalarAsync(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }
}
