namespace EvalBot.Tests.Support;

/// <summary>
/// Real time moved to another date: the clock runs, timers and delays are real (retries and timeouts behave as in
/// production), but "now" is a chosen working day, so a test does not depend on when it runs.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_started);
}
