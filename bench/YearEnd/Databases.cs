using Npgsql;

namespace EvalBot.Bench.YearEnd;

/// <summary>Creates the benchmark's own database: a SQLite file under the temp folder, or a database on a PostgreSQL server.</summary>
public static class Databases
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "evalbot-bench-yearend");

    /// <summary>The server's connection string, or null (PostgreSQL is skipped) when none is given.</summary>
    public static string? PostgresServer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Text("postgres") ?? Environment.GetEnvironmentVariable("EVALBOT_BENCH_POSTGRES");
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>A fresh (or, with <paramref name="reuse"/>, the existing) database called <paramref name="name"/>; returns it and whether it must be filled.</summary>
    public static async Task<(BenchDatabase Database, bool Fill)> PrepareAsync(string provider, string name, string? server, bool reuse)
    {
        if (provider == "postgres")
        {
            if (server is null) throw new InvalidOperationException("PostgreSQL needs --postgres or EVALBOT_BENCH_POSTGRES.");
            var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection))
            {
                exists.Parameters.AddWithValue("n", name);
                if (reuse && await exists.ExecuteScalarAsync() is not null)
                {
                    return (new BenchDatabase("postgres", Target(server, name)), false);
                }
            }

            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection)) await drop.ExecuteNonQueryAsync();
            await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection)) await create.ExecuteNonQueryAsync();
            return (new BenchDatabase("postgres", Target(server, name)), true);
        }

        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, name + ".db");
        if (reuse && File.Exists(file)) return (BenchDatabase.Sqlite(file), false);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        return (BenchDatabase.Sqlite(file), true);
    }

    public static async Task DropAsync(BenchDatabase database, string? server)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsPostgres || server is null) return;
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Target(string server, string name) =>
        new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 600 }.ConnectionString;
}
