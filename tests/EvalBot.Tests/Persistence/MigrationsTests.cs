using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Persistence;

public sealed class MigrationsTests
{
    [Fact]
    public void The_SQLite_model_has_no_changes_without_a_migration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteEvalBotDbContext --output-dir Persistence/Migrations/Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_model_has_no_changes_without_a_migration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresEvalBotDbContext --output-dir Persistence/Migrations/Postgres");
    }

    [Fact]
    public async Task Migrating_an_empty_SQLite_file_creates_every_table_in_WAL_mode()
    {
        var file = Path.Combine(Path.GetTempPath(), $"evalbot-migrate-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteEvalBotDbContext>()
            .UseSqlite($"Data Source={file};Pooling=False")
            .AddInterceptors(new SqliteConnectionSetup())
            .Options;
        await using (var db = new SqliteEvalBotDbContext(options))
        {
            await db.Database.MigrateAsync();
            var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal("wal", Assert.Single(mode));
            Assert.Equal(0, await db.Outbox.CountAsync());
            Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'dialog_states'").ToListAsync());
        }

        File.Delete(file);
    }
}
