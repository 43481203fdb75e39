using EvalBot.Domain.Records;

namespace EvalBot.Domain.Calendar;

/// <summary>Orders periods in time, for sorting and for "is this period over yet" questions.</summary>
public sealed class PeriodComparer : IComparer<Period>
{
    private PeriodComparer()
    {
    }

    /// <summary>By first day, then last day (so a month sorts before the quarter it opens), then unit id.</summary>
    public static PeriodComparer Chronological { get; } = new();

    /// <inheritdoc />
    public int Compare(Period? x, Period? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byStart = x.Start.CompareTo(y.Start);
        if (byStart != 0)
        {
            return byStart;
        }

        var byEnd = x.End.CompareTo(y.End);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(x.UnitId, y.UnitId);
    }
}
