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
}
