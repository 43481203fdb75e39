using EvalBot.Persistence;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace EvalBot.Tests.Persistence;

/// <summary>The PostgreSQL migrations, applied to a real, empty PostgreSQL database.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresMigrationsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Migrating_an_empty_database_creates_every_table_and_column_of_the_model_with_nothing_pending()
    {
        var options = new DbContextOptionsBuilder<PostgresEvalBotDbContext>().UseNpgsql(postgres.ConnectionString).Options;
        await using var db = new PostgresEvalBotDbContext(options);

        await db.Database.MigrateAsync();

        var columns = await ColumnsAsync();
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(table);
                if (column is not null && !columns.Contains((table.Name, column)))
                {
                    missing.Add($"{table.Name}.{column}");
                }
            }
        }

        Assert.Empty(missing);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model has changes without a migration: run ./scripts/regen-migrations.sh");
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    private async Task<HashSet<(string Table, string Column)>> ColumnsAsync()
    {
        await using var connection = await postgres.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new HashSet<(string, string)>();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
