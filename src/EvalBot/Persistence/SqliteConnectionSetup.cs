using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EvalBot.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run beside the one writer. <c>synchronous=FULL</c> syncs the WAL on
/// every commit, so a write the bot has acknowledged survives a power cut, not only a process crash (turns share that
/// fsync through <see cref="SqliteWriter"/>, which sets <c>NORMAL</c> for its one commit and syncs the log itself). The settings
/// belong to the physical connection, which the pool keeps open across logical opens, so they run once per physical
/// connection, not on every open.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    /// <summary>The physical connections (SQLite handles) already set up; an entry goes when its handle is collected.</summary>
    private static readonly ConditionalWeakTable<object, object> SetUp = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!IsNew(connection, out var handle))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!IsNew(connection, out var handle))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(handle);
    }

    /// <summary>True when this physical connection has not been set up yet (or its handle cannot be known).</summary>
    private static bool IsNew(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !SetUp.TryGetValue(handle, out _);
    }

    private static void Remember(object? handle)
    {
        if (handle is not null)
        {
            SetUp.AddOrUpdate(handle, handle);
        }
    }
}
