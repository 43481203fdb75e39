namespace EvalBot.Tests.Support;

/// <summary>Polling for what the app does in the background (the outbox sender, the scheduler).</summary>
public static class Poll
{
    /// <summary>
    /// Reads every 100 ms until <paramref name="done"/> holds or <paramref name="within"/> has passed; returns the last
    /// value read either way, for the test to assert on.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > within)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
