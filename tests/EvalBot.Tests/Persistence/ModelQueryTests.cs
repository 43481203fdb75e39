using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Persistence;

/// <summary>
/// One compiled query serves the SQLite and the PostgreSQL contexts in the same process, turn after turn: EF Core
/// refuses a compiled query on a second model, so it is compiled once per model.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class ModelQueryTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private static readonly ModelQuery<string, ProcessedActivity?> ByKey =
        new((context, key) => context.ProcessedActivities.AsNoTracking().SingleOrDefault(p => p.Key == key));

    private EvalBotFactory _sqlite = null!;
    private EvalBotFactory _postgres = null!;

    public async Task InitializeAsync()
    {
        _sqlite = new EvalBotFactory();
        _postgres = new EvalBotFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:EvalBot"] = postgres.ConnectionString,
        });
        _ = _sqlite.CreateClient();
        _ = _postgres.CreateClient();
        foreach (var (bot, name) in new[] { (_sqlite, "sqlite"), (_postgres, "postgres") })
        {
            await bot.QueryAsync(async db =>
            {
                // The PostgreSQL database is the class's, kept from test to test: its row is added once.
                var key = "msteams|conv|" + name;
                if (await db.ProcessedActivities.AnyAsync(p => p.Key == key)) return 0;
                db.ProcessedActivities.Add(new ProcessedActivity { Key = key, ResponseJson = name, ProcessedAt = TimeProvider.System.GetUtcNow() });
                return await db.SaveChangesAsync();
            });
        }
    }

    public async Task DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task The_same_compiled_query_reads_each_database_in_turn_with_its_own_model()
    {
        for (var round = 0; round < 3; round++)
        {
            var fromSqlite = await _sqlite.QueryAsync(db => ByKey.RunAsync(db, "msteams|conv|sqlite"));
            var fromPostgres = await _postgres.QueryAsync(db => ByKey.RunAsync(db, "msteams|conv|postgres"));
            var missing = await _postgres.QueryAsync(db => ByKey.RunAsync(db, "msteams|conv|sqlite"));

            Assert.Equal("sqlite", fromSqlite?.ResponseJson);
            Assert.Equal("postgres", fromPostgres?.ResponseJson);
            Assert.Null(missing);
        }

        Assert.True(await _postgres.QueryAsync(db => Task.FromResult(db.Database.IsNpgsql())));
        Assert.True(await _sqlite.QueryAsync(db => Task.FromResult(db.Database.IsSqlite())));
    }

    [Fact]
    public async Task A_cancelled_caller_cancels_the_compiled_query_on_either_database()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _sqlite.QueryAsync(db => ByKey.RunAsync(db, "msteams|conv|sqlite", cancelled.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _postgres.QueryAsync(db => ByKey.RunAsync(db, "msteams|conv|postgres", cancelled.Token)));
    }
}
