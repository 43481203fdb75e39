using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EvalBot.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run beside the one writer. <c>synchronous=FULL</c> syncs the WAL on
/// every commit, so a write the bot has acknowledged survives a power cut, not only a process crash; the cost is one
/// fsync per transaction, which the turn rate of a district (tens per second at peak) easily affords.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
