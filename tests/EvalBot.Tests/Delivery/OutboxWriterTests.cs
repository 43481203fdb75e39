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
