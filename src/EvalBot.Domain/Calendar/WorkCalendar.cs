using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace EvalBot.Domain.Calendar;

/// <summary>
/// Which days people work: Monday to Friday, less the year's days off, plus announced make-up days.
/// Prompts, reminders and deadlines count in these days so nobody is chased over Tết. Immutable
/// apart from a per-year memo of the holidays, so one instance can serve the whole app.
/// </summary>
public sealed class WorkCalendar
{
    /// <summary>First year served; 2020 is included with its single National Day holiday (Labour Code 2012).</summary>
    public const int FirstYear = 2020;

    /// <summary>Last year served: the lunar calendar's range.</summary>
    public const int LastYear = VietnameseLunarCalendar.MaxYear - 1;

    private readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, Holiday>> _years = new();
    private readonly FrozenSet<DateOnly> _extraWorkingDays;

    /// <summary>Builds a calendar; the options are checked once here.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public WorkCalendar(WorkCalendarOptions? options = null)
    {
        Options = options ?? new WorkCalendarOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _extraWorkingDays = Options.ExtraWorkingDays.ToFrozenSet();
    }

    /// <summary>The options in force.</summary>
    public WorkCalendarOptions Options { get; }

    /// <summary>True on a day people are expected at work.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _extraWorkingDays.Contains(date) || (!VietnameseHolidays.IsWeekend(date) && HolidayOn(date) is null);

    /// <summary>The holiday or day off on a date, or null.</summary>
    public Holiday? HolidayOn(DateOnly date) => DaysOff(date.Year).GetValueOrDefault(date);

    /// <summary>Every day off in a year, sorted.</summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year) => [.. DaysOff(year).Values.OrderBy(h => h.Date)];

    /// <summary>The date itself when it is a working day, else the next working day.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/> (before it when
    /// negative); the date itself for 0. The start date need not be a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        var step = Math.Sign(workingDays);
        for (var left = Math.Abs(workingDays); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    private FrozenDictionary<DateOnly, Holiday> DaysOff(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, string.Create(
                CultureInfo.InvariantCulture, $"The working calendar covers {FirstYear}–{LastYear}."));
        }

        return _years.GetOrAdd(year, y => VietnameseHolidays.For(y, Options).ToFrozenDictionary(h => h.Date));
    }
}
