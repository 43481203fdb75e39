using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Persistence;

/// <summary>
/// SQLite's one writer, queued in the process and synced in groups. A unit of work that writes (a turn, a batch of sent
/// marks) first waits for its place in an async queue (FIFO), so no thread sleeps in SQLite's busy handler waiting for
/// another turn of this process; it then commits without waiting for the disk (<c>synchronous=NORMAL</c> on its
/// connection, for that commit only), gives its place to the next, and waits for <see cref="WalSync"/>: one fsync of the
/// write-ahead log covers every commit made before it started. The unit of work acknowledges nothing before that, so an
/// acknowledged write survives a power cut exactly as under <c>synchronous=FULL</c>, while the turns queued behind it
/// commit during the sync instead of after it. On PostgreSQL (and an in-memory SQLite database) it does nothing.
/// </summary>
public sealed class SqliteWriter : IDisposable
{
    private readonly SemaphoreSlim _queue = new(1, 1);
    private readonly WalSync _sync = new();

    /// <summary>Waits for this process's turn to write; dispose the lease (after <see cref="Lease.CommittedAsync"/>) to pass it on.</summary>
    public async Task<Lease> EnterAsync(EvalBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return new Lease(this, null, null);
        }

        await _queue.WaitAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            // An in-memory database has no file name (and nothing to sync).
            var wal = connection.DataSource is { Length: > 0 } file ? file + "-wal" : null;
            if (wal is not null)
            {
                await SynchronousAsync(connection, "NORMAL", cancellationToken);
            }

            return new Lease(this, db, wal);
        }
        catch
        {
            _queue.Release();
            throw;
        }
    }

    /// <summary>How many group syncs of the write-ahead log have run since start.</summary>
    public long Syncs => _sync.Syncs;

    public void Dispose() => _queue.Dispose();

    private static async Task SynchronousAsync(DbConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=" + mode;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One unit of work's place as SQLite's writer.</summary>
    public sealed class Lease : IAsyncDisposable
    {
        private readonly SqliteWriter _writer;
        private readonly string? _wal;
        private EvalBotDbContext? _db;

        internal Lease(SqliteWriter writer, EvalBotDbContext? db, string? wal)
        {
            _writer = writer;
            _db = db;
            _wal = wal;
        }

        /// <summary>After the commit: passes the place on, then returns once the commit is on disk.</summary>
        public async Task CommittedAsync()
        {
            var held = _db is not null;
            await ReleaseAsync();
            if (held && _wal is not null)
            {
                await _writer._sync.AfterCommitAsync(_wal);
            }
        }

        public ValueTask DisposeAsync() => new(ReleaseAsync());

        private async Task ReleaseAsync()
        {
            if (_db is not { } db)
            {
                return;
            }

            _db = null;
            try
            {
                if (_wal is not null && db.Database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open } connection)
                {
                    try
                    {
                        // Back to the default before the connection serves any other unit of work.
                        await SynchronousAsync(connection, "FULL", CancellationToken.None);
                    }
                    catch (SqliteException)
                    {
                        // Not set back: the physical connection is not given to anyone else.
                        SqliteConnection.ClearPool(connection);
                    }
                }

                await db.Database.CloseConnectionAsync();
            }
            finally
            {
                _writer._queue.Release();
            }
        }
    }
}
