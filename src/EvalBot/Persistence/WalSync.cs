using Microsoft.Win32.SafeHandles;

namespace EvalBot.Persistence;

/// <summary>
/// Group sync of SQLite's write-ahead log: a commit made without waiting for the disk asks for a sync and gets it back
/// once an fsync that started after its commit has finished. One sync runs at a time; every commit that arrives while
/// it runs is covered by the next one, so N concurrent commits cost one or two fsyncs, not N. The log's file is opened
/// for each sync (the log may be removed and made again after a checkpoint: what the removed one held is then in the
/// database file, which the checkpoint synced).
/// </summary>
public sealed class WalSync
{
    private readonly Lock _lock = new();
    private readonly Action<string> _flush;
    private readonly List<Waiter> _waiting = [];
    private long _committed;
    private long _syncs;
    private bool _running;

    /// <summary>Syncs with <paramref name="flush"/> (an fsync of the log's file unless given: tests pass one they hold).</summary>
    public WalSync(Action<string>? flush = null) => _flush = flush ?? Sync;

    /// <summary>How many fsyncs of the log have run (for tests and benchmarks: fewer than the commits they covered).</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Completes once the commits made so far on the database whose log is <paramref name="walFile"/> are on disk.</summary>
    public Task AfterCommitAsync(string walFile)
    {
        var waiter = new Waiter(0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            waiter = waiter with { Commit = ++_committed };
            _waiting.Add(waiter);
            if (!_running)
            {
                _running = true;
                _ = Task.Run(() => SyncWhileWaited(walFile));
            }
        }

        return waiter.Done.Task;
    }

    private void SyncWhileWaited(string walFile)
    {
        while (true)
        {
            long upTo;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    return;
                }

                upTo = _committed;
            }

            Exception? failure = null;
            try
            {
                _flush(walFile);
                Interlocked.Increment(ref _syncs);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = ex;
            }

            List<Waiter> covered;
            lock (_lock)
            {
                covered = _waiting.FindAll(w => w.Commit <= upTo);
                _waiting.RemoveAll(w => w.Commit <= upTo);
            }

            foreach (var waiter in covered)
            {
                if (failure is null)
                {
                    waiter.Done.TrySetResult();
                }
                else
                {
                    waiter.Done.TrySetException(failure);
                }
            }
        }
    }

    private static void Sync(string walFile)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(walFile, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            // Checkpointed into the database file and removed: synced by the checkpoint.
            return;
        }

        using (handle)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    private sealed record Waiter(long Commit, TaskCompletionSource Done);
}
