using EvalBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Persistence;

public sealed class SqliteConnectionSetupTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_open_has_full_sync_foreign_keys_and_the_busy_timeout_whether_the_connection_is_new_or_pooled(bool pooling)
    {
        var file = Path.Combine(Path.GetTempPath(), $"evalbot-pragmas-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteEvalBotDbContext>()
            .UseSqlite($"Data Source={file};Pooling={pooling}")
            .AddInterceptors(new SqliteConnectionSetup())
            .Options;
        try
        {
            for (var open = 0; open < 3; open++)
            {
                await using var db = new SqliteEvalBotDbContext(options);
                await db.Database.OpenConnectionAsync();

                Assert.Equal(2L, await Pragma(db, "synchronous"));
                Assert.Equal(1L, await Pragma(db, "foreign_keys"));
                Assert.Equal(10000L, await Pragma(db, "busy_timeout"));
                Assert.Equal("wal", await PragmaText(db, "journal_mode"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<long> Pragma(DbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> PragmaText(DbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
