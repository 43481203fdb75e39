using Npgsql;

namespace EvalBot.Tests.Support;

/// <summary>
/// A fresh PostgreSQL database for one test class (<c>evalbot_test_&lt;guid&gt;</c>), created on the server named by
/// <c>EVALBOT_TEST_POSTGRES</c> and dropped afterwards. Without that variable every test of the class fails with a
/// message saying to run <c>./test.sh</c>, which installs and starts PostgreSQL and sets it: PostgreSQL tests are
/// never skipped silently.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Variable = "EVALBOT_TEST_POSTGRES";

    private string? _server;

    /// <summary>The connection string of this class's database.</summary>
    public string ConnectionString { get; private set; } = "";

    public string DatabaseName { get; } = $"evalbot_test_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests cannot run. Run the tests with ./test.sh (it installs and starts " +
                $"PostgreSQL 15 and sets {Variable}), or set {Variable} to an Npgsql connection string of a role allowed to create databases.");
        }

        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = DatabaseName }.ConnectionString;
    }

    /// <summary>Opens a connection to this class's database.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server) || ConnectionString.Length == 0)
        {
            return;
        }

        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        // FORCE ends the sessions still open on it (a bot process just killed, pools of other hosts).
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// PostgreSQL test classes run one after another: each starts hosts or bot processes with their own connection pools,
/// and the machine (and the server's connection limit) is shared.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresTestGroup
{
    public const string Name = "PostgreSQL";
}
