using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace EvalBot.Bench.Floor;

/// <summary>
/// One durable insert per turn, committed in groups: every turn waiting when the writer comes round shares one
/// transaction and one fsync (WAL, <c>synchronous=FULL</c>), so an acknowledged turn survives a power cut. A turn's
/// answer says whether its id was new (a redelivered activity is not answered again).
/// </summary>
internal sealed class GroupCommit : IAsyncDisposable
{
    private const int MaxGroup = 256;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly Task _writer;

    public GroupCommit(string databaseFile)
    {
        _connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS turns (id TEXT PRIMARY KEY, reference TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }

        _writer = Task.Run(WriteAsync);
    }

    /// <summary>True once the turn is durable and its id was new; false for an id already stored.</summary>
    public Task<bool> StoreAsync(string activityId, string reference)
    {
        var pending = new Pending(activityId, reference, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending) ? pending.Done.Task : Task.FromException<bool>(new ObjectDisposedException(nameof(GroupCommit)));
    }

    private async Task WriteAsync()
    {
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT OR IGNORE INTO turns (id, reference) VALUES ($id, $reference)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var reference = insert.Parameters.Add("$reference", SqliteType.Text);
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }

            var inserted = new bool[group.Count];
            try
            {
                using var transaction = _connection.BeginTransaction();
                insert.Transaction = transaction;
                for (var i = 0; i < group.Count; i++)
                {
                    id.Value = group[i].Id;
                    reference.Value = group[i].Reference;
                    inserted[i] = insert.ExecuteNonQuery() == 1;
                }

                transaction.Commit();
            }
            catch (SqliteException ex)
            {
                group.ForEach(p => p.Done.TrySetException(ex));
                continue;
            }

            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.TrySetResult(inserted[i]);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await _connection.DisposeAsync();
    }

    private sealed record Pending(string Id, string Reference, TaskCompletionSource<bool> Done);
}
