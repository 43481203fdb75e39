namespace EvalBot.Domain.Calendar;

/// <summary>
/// The local hours in which the bot may write to someone. A message outside them waits for the next
/// working morning: respecting people's time is a product rule, not a courtesy.
/// </summary>
public sealed record WorkingHours
{
    /// <summary>When the working day starts, local time. Default 08:00.</summary>
    public TimeOnly Start { get; init; } = new(8, 0);

    /// <summary>When the working day ends, local time (exclusive). Default 17:00.</summary>
    public TimeOnly End { get; init; } = new(17, 0);

    /// <summary>True when the local time of day is within the hours.</summary>
    public bool Contains(TimeOnly time) => Start <= time && time < End;
}
