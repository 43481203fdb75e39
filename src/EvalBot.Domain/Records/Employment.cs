namespace EvalBot.Domain.Records;

/// <summary>Rule 18: the months of a year a person was employed, from their hire and end dates.</summary>
public static class Employment
{
    /// <summary>
    /// The share of the year's days from the hire date (or 1 January) to the end date (or 31 December), as months of
    /// twelve to the year, to two decimals; 12 with neither date, 0 when the person was not employed in the year.
    /// </summary>
    public static decimal MonthsInYear(DateOnly? hired, DateOnly? ended, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var start = hired is { } h && h > first ? h : first;
        var end = ended is { } e && e < last ? e : last;
        if (end < start) return 0m;
        var days = end.DayNumber - start.DayNumber + 1;
        return Math.Round(12m * days / (last.DayNumber - first.DayNumber + 1), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Rule 20: the first day the person counts at the unit they leave by a transfer: the latest of 1 January, the hire
    /// date and the date of the transfer before it in the year, so two transfers in a year do not both count from January.
    /// </summary>
    /// <param name="hired">The hire date, when known.</param>
    /// <param name="previousTransfer">The date of the person's transfer before this one, when there is one.</param>
    /// <param name="year">The year rated.</param>
    public static DateOnly OldUnitFrom(DateOnly? hired, DateOnly? previousTransfer, int year)
    {
        var from = new DateOnly(year, 1, 1);
        if (hired is { } h && h > from) from = h;
        if (previousTransfer is { } p && p > from) from = p;
        return from;
    }

    /// <summary>For each transfer of the year, in date order, the first day counted at the unit it leaves (<see cref="OldUnitFrom"/>).</summary>
    public static IReadOnlyList<DateOnly> OldUnitStarts(DateOnly? hired, IReadOnlyList<DateOnly> transfersInOrder, int year)
    {
        ArgumentNullException.ThrowIfNull(transfersInOrder);
        return [.. transfersInOrder.Select((date, i) => OldUnitFrom(hired, i == 0 ? null : transfersInOrder[i - 1], year))];
    }
}
