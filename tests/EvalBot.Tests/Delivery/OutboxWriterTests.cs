using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using EvalBot.Delivery;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EvalBot.Tests.Delivery;

/// <summary>
/// The outbox writer in long units of work: one that queues in slices (saving and clearing after each, as the compile's
/// invitations do) lets go of what it saved, and a batch of campaign size is written at once, untracked, in the
/// caller's transaction or its own, on either database.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class OutboxWriterTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private static readonly ProactiveRecipient Recipient = new("aad-outbox-writer", "tenant-1", "28:bot", "https://smba.example/teams/");

    private EvalBotFactory _sqlite = null!;
    private EvalBotFactory _postgres = null!;

    public Task InitializeAsync()
    {
        // Without the sender, the rows stay as they were written.
        _sqlite = new EvalBotFactory(null, WithoutSender);
        _postgres = new EvalBotFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:EvalBot"] = postgres.ConnectionString,
        }, WithoutSender);
        _ = _sqlite.CreateClient();
        _ = _postgres.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task A_unit_of_work_queuing_in_saved_slices_lets_go_of_the_rows_it_saved_and_still_refuses_their_keys()
    {
        await using var scope = _sqlite.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        var first = QueueAndForget(db, outbox, "slices:first");
        for (var slice = 0; slice < 4; slice++)
        {
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            for (var i = 0; i < 300; i++) outbox.EnqueueToPerson($"slices:{slice}:{i}", "test.slice", Recipient, "{}");
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(first.TryGetTarget(out _), "the row saved in the first slice is still held");
        Assert.False(await outbox.EnqueueToPersonAsync("slices:first", "test.slice", Recipient, new JsonObject(), CancellationToken.None));
        Assert.Equal(1201, await db.Outbox.CountAsync(o => o.Kind == "test.slice"));
    }

    [Fact]
    public async Task A_key_queued_and_not_saved_is_refused_again_after_many_more_are_queued()
    {
        await using var scope = _sqlite.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();

        Assert.True(await outbox.EnqueueToPersonAsync("pending:one", "test.pending", Recipient, new JsonObject(), CancellationToken.None));
        for (var i = 0; i < 1000; i++) outbox.EnqueueToPerson($"pending:{i}", "test.pending", Recipient, "{}");

        Assert.False(await outbox.EnqueueToPersonAsync("pending:one", "test.pending", Recipient, new JsonObject(), CancellationToken.None));
        await db.SaveChangesAsync();
        Assert.Equal(1001, await db.Outbox.CountAsync(o => o.Kind == "test.pending"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Insert_writes_a_batch_untracked_and_committed_in_a_transaction_of_its_own(string provider)
    {
        var bot = provider == "sqlite" ? _sqlite : _postgres;
        var run = Guid.NewGuid().ToString("N");
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            var rows = Enumerable.Range(0, 1500).Select(i => outbox.ToPerson($"{run}:{i}", "test.insert", Recipient with { PersonId = i }, $$"""{"n":{{i}}}""")).ToList();

            await outbox.InsertAsync(rows, CancellationToken.None);

            Assert.All(rows, r => Assert.True(r.Id > 0));
            Assert.Equal(1500, rows.Select(r => r.Id).Distinct().Count());
            Assert.Empty(db.ChangeTracker.Entries());
            Assert.Null(db.Database.CurrentTransaction);
        }

        var stored = await bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.DedupeKey.StartsWith(run)).OrderBy(o => o.PersonId).ToListAsync());
        Assert.Equal(1500, stored.Count);
        Assert.Equal($"{run}:7", stored[7].DedupeKey);
        Assert.Equal("""{"n":7}""", stored[7].ActivityJson);
        Assert.Equal(OutboxStatus.Pending, stored[7].Status);
        Assert.Equal("aad-outbox-writer", stored[7].RecipientAadObjectId);
        Assert.Equal(stored[7].CreatedAt, stored[7].NextAttemptAt);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Insert_in_the_callers_transaction_is_undone_with_it(string provider)
    {
        var bot = provider == "sqlite" ? _sqlite : _postgres;
        var run = Guid.NewGuid().ToString("N");
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            await using var transaction = await db.Database.BeginTransactionAsync();

            await outbox.InsertAsync([outbox.ToPerson($"{run}:a", "test.insert", Recipient, "{}"), outbox.ToPerson($"{run}:b", "test.insert", Recipient, "{}")], CancellationToken.None);

            Assert.Equal(2, await db.Outbox.CountAsync(o => o.DedupeKey.StartsWith(run)));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.DedupeKey.StartsWith(run))));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Insert_stores_every_column_as_a_save_stores_it_with_values_and_nulls_in_turn(string provider)
    {
        var bot = provider == "sqlite" ? _sqlite : _postgres;
        var run = Guid.NewGuid().ToString("N");
        var at = new DateTimeOffset(2026, 12, 7, 8, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        OutboxMessage Full(string key) => new()
        {
            DedupeKey = key, Kind = "test.columns", ConversationId = "a:1-conversation", ServiceUrl = "https://smba.example/teams/",
            RecipientAadObjectId = "aad-columns", TenantId = "tenant-1", BotId = "28:bot", PersonId = 42, Period = "2026-Q4",
            ReplyToId = "reply-1", UpdateActivityId = "activity-1", ActivityJson = """{"text":"Đánh giá xếp loại"}""",
            Status = OutboxStatus.Failed, Attempts = 3, NextAttemptAt = at, LeaseOwner = "instance-1", SendStartedAt = at.AddSeconds(1),
            LeaseUntil = at.AddMinutes(1), LastStatusCode = 503, LastError = "Service Unavailable", SentActivityId = "sent-1",
            CreatedAt = at.AddHours(-1), SentAt = at.AddSeconds(2),
        };
        OutboxMessage Bare(string key) => new()
        {
            DedupeKey = key, Kind = "test.columns", ServiceUrl = "https://smba.example/teams/", ActivityJson = "{}", NextAttemptAt = at, CreatedAt = at,
        };

        await bot.QueryAsync(async db =>
        {
            db.Outbox.AddRange(Full($"{run}:saved:1"), Bare($"{run}:saved:2"), Full($"{run}:saved:3"));
            return await db.SaveChangesAsync();
        });
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            await outbox.InsertAsync([Full($"{run}:inserted:1"), Bare($"{run}:inserted:2"), Full($"{run}:inserted:3")], CancellationToken.None);
        }

        var stored = await bot.QueryAsync(db => StoredColumnsAsync(db, run));
        Assert.Equal(6, stored.Count);
        foreach (var n in new[] { 1, 2, 3 })
        {
            Assert.Equal(stored[$"{run}:saved:{n}"], stored[$"{run}:inserted:{n}"]);
        }

        Assert.Contains(stored[$"{run}:saved:2"], c => c.Value is DBNull);
    }

    /// <summary>Every column of the run's rows as the database holds it (type and value), by dedupe key, without the key column.</summary>
    private static async Task<Dictionary<string, List<KeyValuePair<string, object>>>> StoredColumnsAsync(EvalBotDbContext db, string run)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!;
        var dedupe = entity.FindProperty(nameof(OutboxMessage.DedupeKey))!.GetColumnName(store)!;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{entity.GetTableName()}\" WHERE \"{dedupe}\" LIKE '{run}:%'";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, List<KeyValuePair<string, object>>>();
        while (await reader.ReadAsync())
        {
            var columns = Enumerable.Range(0, reader.FieldCount)
                .Where(i => reader.GetName(i) != key && reader.GetName(i) != dedupe)
                .Select(i => new KeyValuePair<string, object>(reader.GetName(i), reader.GetValue(i)))
                .ToList();
            rows[reader.GetString(reader.GetOrdinal(dedupe))] = columns;
        }

        return rows;
    }

    private static void WithoutSender(IServiceCollection services)
    {
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender)).ToList())
        {
            services.Remove(hosted);
        }
    }

    /// <summary>Queues one row and answers a weak reference to it, so no frame of the test holds the row itself.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<OutboxMessage> QueueAndForget(EvalBotDbContext db, OutboxWriter outbox, string key)
    {
        outbox.EnqueueToPerson(key, "test.slice", Recipient, "{}");
        return new WeakReference<OutboxMessage>(db.ChangeTracker.Entries<OutboxMessage>().Single(e => e.Entity.DedupeKey == key).Entity);
    }
}
