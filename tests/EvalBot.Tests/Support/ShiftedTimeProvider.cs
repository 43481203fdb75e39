namespace EvalBot.Tests.Support;

/// <summary>
/// Real time moved to another date: the clock runs, timers and delays are real (retries and timeouts behave as in
/// production), but "now" is a chosen working day, so a test does not depend on when it runs.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    private long _skippedTicks;

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_started) + TimeSpan.FromTicks(Interlocked.Read(ref _skippedTicks));

    /// <summary>Moves the clock forward, as days passing between two steps of a procedure.</summary>
    public void Skip(TimeSpan span) => Interlocked.Add(ref _skippedTicks, span.Ticks);
}
