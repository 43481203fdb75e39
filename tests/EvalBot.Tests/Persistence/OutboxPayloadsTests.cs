using EvalBot.Delivery;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EvalBot.Tests.Persistence;

/// <summary>
/// A message's activity lives in <c>outbox_payloads</c>, written once; its delivery state in <c>outbox</c> is what claims
/// and sent marks rewrite. The migration moves the activities of an existing database without losing one.
/// </summary>
public sealed class OutboxPayloadsTests : IDisposable
{
    private const string Before = "20261205084010_AnnualReview";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"evalbot-payloads-{Guid.NewGuid():N}.db");
    private readonly List<string> _commands = [];

    [Fact]
    public async Task Migrating_a_database_with_queued_messages_keeps_each_activity_and_never_reuses_an_id()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            var one = "{\"type\":\"message\",\"text\":\"một\"}";
            var two = "{\"type\":\"message\",\"text\":\"hai\"}";
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outbox ("DedupeKey", "Kind", "ServiceUrl", "ActivityJson", "Status", "Attempts", "NextAttemptAt", "CreatedAt")
                VALUES ('k1', 'test', 'https://smba.example/', {one}, 0, 0, 0, 0), ('k2', 'test', 'https://smba.example/', {two}, 2, 1, 0, 0)
                """);
        }

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
            var rows = await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();

            Assert.Equal(["{\"type\":\"message\",\"text\":\"một\"}", "{\"type\":\"message\",\"text\":\"hai\"}"], rows.Select(r => r.ActivityJson));
            Assert.Equal([OutboxStatus.Pending, OutboxStatus.Sent], rows.Select(r => r.Status));
            Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('outbox') WHERE name = 'ActivityJson'").ToListAsync());

            // AUTOINCREMENT is kept: the id of a deleted last row is not given again.
            var last = rows[^1].Id;
            await db.Database.ExecuteSqlAsync($"DELETE FROM outbox_payloads WHERE \"Id\" = {last}");
            await db.Database.ExecuteSqlAsync($"DELETE FROM outbox WHERE \"Id\" = {last}");
            db.Outbox.Add(Message("k3"));
            await db.SaveChangesAsync();
            Assert.True(await db.Outbox.Where(o => o.DedupeKey == "k3").Select(o => o.Id).SingleAsync() > last);
        }
    }

    [Fact]
    public async Task A_sent_mark_rewrites_the_delivery_state_and_never_the_activity()
    {
        long id;
        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
            var message = Message("k1");
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }

        _commands.Clear();
        await using (var db = Context())
        {
            var row = await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
            row.Status = OutboxStatus.Sent;
            row.SentActivityId = "1:sent";
            OutboxRows.AttachDeliveryState(db, row);
            await db.SaveChangesAsync();
        }

        // The log line of each command run: "Executed DbCommand (…) […]" and then its SQL.
        var update = Assert.Single(_commands, c => c.Contains("UPDATE ", StringComparison.Ordinal));
        Assert.Contains("UPDATE \"outbox\" SET", update, StringComparison.Ordinal);
        Assert.DoesNotContain("outbox_payloads", update, StringComparison.Ordinal);
        await using (var db = Context())
        {
            var row = await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
            Assert.Equal((OutboxStatus.Sent, "1:sent", "{\"type\":\"message\",\"text\":\"thẻ\"}"), (row.Status, row.SentActivityId, row.ActivityJson));
        }
    }

    [Fact]
    public async Task A_waiting_activity_is_replaced_but_not_once_a_sender_has_claimed_it()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        var waiting = Message("k1");
        var claimed = Message("k2");
        claimed.Status = OutboxStatus.Sending;
        db.Outbox.AddRange(waiting, claimed);
        await db.SaveChangesAsync();

        Assert.Equal(1, await OutboxStatements.ReplaceWaitingActivityAsync(db, waiting.Id, "{\"text\":\"mới\"}", CancellationToken.None));
        Assert.Equal(0, await OutboxStatements.ReplaceWaitingActivityAsync(db, claimed.Id, "{\"text\":\"mới\"}", CancellationToken.None));

        db.ChangeTracker.Clear();
        Assert.Equal(["{\"text\":\"mới\"}", "{\"type\":\"message\",\"text\":\"thẻ\"}"], await db.Outbox.OrderBy(o => o.Id).Select(o => o.ActivityJson).ToListAsync());
    }

    [Fact]
    public async Task The_purge_removes_old_finished_messages_with_their_activities_and_keeps_the_rest()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        var old = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var oldSent = Message("old-sent", old, OutboxStatus.Sent);
        var oldFailed = Message("old-failed", old, OutboxStatus.Failed);
        var oldWaiting = Message("old-waiting", old, OutboxStatus.Pending);
        var recentSent = Message("recent-sent", old.AddYears(6), OutboxStatus.Sent);
        db.Outbox.AddRange(oldSent, oldFailed, oldWaiting, recentSent);
        await db.SaveChangesAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await OutboxStatements.PurgeAsync(db, old.AddYears(5), CancellationToken.None));
            await transaction.CommitAsync();
        }

        db.ChangeTracker.Clear();
        Assert.Equal(["old-waiting", "recent-sent"], await db.Outbox.OrderBy(o => o.Id).Select(o => o.DedupeKey).ToListAsync());
        Assert.Equal(2, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM outbox_payloads").SingleAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    private static OutboxMessage Message(string key, DateTimeOffset? createdAt = null, OutboxStatus status = OutboxStatus.Pending) => new()
    {
        DedupeKey = key,
        Kind = "test",
        ServiceUrl = "https://smba.example/",
        ConversationId = "a:1",
        ActivityJson = "{\"type\":\"message\",\"text\":\"thẻ\"}",
        Status = status,
        CreatedAt = createdAt ?? DateTimeOffset.UnixEpoch,
        NextAttemptAt = DateTimeOffset.UnixEpoch,
    };

    private SqliteEvalBotDbContext Context() => new(new DbContextOptionsBuilder<SqliteEvalBotDbContext>()
        .UseSqlite($"Data Source={_file}")
        .AddInterceptors(new SqliteConnectionSetup())
        .LogTo(line => _commands.Add(line), [RelationalEventId.CommandExecuted], Microsoft.Extensions.Logging.LogLevel.Information, DbContextLoggerOptions.None)
        .Options);
}
