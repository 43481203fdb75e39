namespace EvalBot.Core;

/// <summary>The organisation board's card and its background work (section <c>Board</c>).</summary>
public sealed class BoardOptions
{
    public const string Section = "Board";

    /// <summary>How often, at most, a running operation updates the card in Teams (seconds).</summary>
    public int ProgressSeconds { get; set; } = 3;

    /// <summary>How often the background worker looks for queued operations, and how often delivery is re-counted (ms).</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How long an operation keeps following the delivery of what it queued before it reports (minutes).</summary>
    public int WatchMinutes { get; set; } = 30;

    /// <summary>A running operation whose instance has not reported for this long is taken over by another (minutes).</summary>
    public int StaleMinutes { get; set; } = 5;

    /// <summary>How many cases waiting for the competent level the card shows with a form (the rest are counted).</summary>
    public int MaxCases { get; set; } = 10;
}
