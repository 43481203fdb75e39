using System.Globalization;

namespace EvalBot.Domain.Calendar;

/// <summary>
/// Consecutive civil days, both ends included, as leave is recorded ("from 3/2 to 7/2").
/// </summary>
public readonly record struct DateRange
{
    /// <summary>Creates a range; a range ending before it starts is a data error, not an empty range.</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture, $"The range ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})."), nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>The first day.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day (included).</summary>
    public DateOnly End { get; }

    /// <summary>True when the day is in the range.</summary>
    public bool Contains(DateOnly date) => Start <= date && date <= End;
}
