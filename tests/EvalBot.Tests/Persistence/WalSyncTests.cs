using EvalBot.Persistence;

namespace EvalBot.Tests.Persistence;

public sealed class WalSyncTests
{
    [Fact]
    public async Task Commits_made_while_a_sync_runs_share_the_next_one_and_none_returns_before_a_sync_that_followed_it()
    {
        using var firstStarted = new SemaphoreSlim(0);
        using var firstMayEnd = new ManualResetEventSlim(false);
        var flushes = 0;
        var sync = new WalSync(_ =>
        {
            if (Interlocked.Increment(ref flushes) == 1)
            {
                firstStarted.Release();
                firstMayEnd.Wait(TimeSpan.FromSeconds(30));
            }
        });

        var first = sync.AfterCommitAsync("log");
        Assert.True(await firstStarted.WaitAsync(TimeSpan.FromSeconds(30)));
        var later = Enumerable.Range(0, 50).Select(_ => sync.AfterCommitAsync("log")).ToList();
        await Task.Delay(50);
        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(later, t => t.IsCompleted);

        firstMayEnd.Set();
        await first.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(later).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, sync.Syncs); // the first commit's, then one for the fifty made during it
        Assert.Equal(2, flushes);
    }

    [Fact]
    public async Task A_failed_sync_fails_the_commits_it_covered_and_the_next_commit_syncs_again()
    {
        var fail = true;
        var sync = new WalSync(_ =>
        {
            if (fail)
            {
                throw new IOException("disk gone");
            }
        });

        await Assert.ThrowsAsync<IOException>(() => sync.AfterCommitAsync("log"));
        fail = false;
        await sync.AfterCommitAsync("log").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, sync.Syncs);
    }
}
