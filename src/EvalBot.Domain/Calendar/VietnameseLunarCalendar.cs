using System.Globalization;

namespace EvalBot.Domain.Calendar;

/// <summary>
/// Conversion between the Gregorian and the Vietnamese lunar calendar, computed from the Moon and
/// the Sun rather than read from a table, so holidays follow for any supported year. Vietnam's rules
/// differ from China's only in the meridian (UTC+7), which is enough to move Tết in some years.
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>First Gregorian (and lunar) year the astronomy here is checked for.</summary>
    public const int MinYear = 1900;

    /// <summary>Last Gregorian (and lunar) year the astronomy here is checked for.</summary>
    public const int MaxYear = 2100;

    /// <summary>The lunar date of a civil day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static LunarDate FromGregorian(DateOnly date)
    {
        CheckYear(date.Year, nameof(date));
        var day = LunarMonths.JulianDay(date);
        var lunation = LunarMonths.LunationContaining(day);
        var span = LunarYearSpan.Starting(date.Year);
        if (lunation < span.FirstLunation)
        {
            span = LunarYearSpan.Starting(date.Year - 1);
        }

        var (year, month, isLeap) = span.MonthAt(lunation - span.FirstLunation);
        return new LunarDate(year, month, day - LunarMonths.NewMoonDay(lunation) + 1, isLeap);
    }

    /// <summary>The civil day of a lunar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range, or the month or day does not exist that year.</exception>
    public static DateOnly ToGregorian(LunarDate date) =>
        TryToGregorian(date, out var result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(date), date, string.Create(
                CultureInfo.InvariantCulture,
                $"The lunar date {date} does not exist: month {date.Month}{(date.IsLeapMonth ? " (leap)" : string.Empty)} of {date.Year} has no day {date.Day}, or is not a leap month that year."));

    /// <summary>The civil day of a lunar date, or false when that month or day does not exist that year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static bool TryToGregorian(LunarDate date, out DateOnly result)
    {
        CheckYear(date.Year, nameof(date));
        result = default;
        if (date.Month is < 1 or > 12 || date.Day is < 1 or > 30)
        {
            return false;
        }

        var span = LunarYearSpan.Starting(date.Month >= 11 ? date.Year : date.Year - 1);
        var offset = span.OffsetOf(date.Month, date.IsLeapMonth);
        if (offset < 0)
        {
            return false;
        }

        var start = LunarMonths.NewMoonDay(span.FirstLunation + offset);
        var length = LunarMonths.NewMoonDay(span.FirstLunation + offset + 1) - start;
        if (date.Day > length)
        {
            return false;
        }

        result = LunarMonths.ToDate(start + date.Day - 1);
        return true;
    }

    /// <summary>Which month of a lunar year is doubled, or null in a common year.</summary>
    public static int? LeapMonth(int lunarYear)
    {
        CheckYear(lunarYear, nameof(lunarYear));
        foreach (var span in new[] { LunarYearSpan.Starting(lunarYear - 1), LunarYearSpan.Starting(lunarYear) })
        {
            if (span.LeapOffset > 0)
            {
                var (year, month, _) = span.MonthAt(span.LeapOffset);
                if (year == lunarYear)
                {
                    return month;
                }
            }
        }

        return null;
    }

    /// <summary>The number of days (29 or 30) in a lunar month.</summary>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth = false) =>
        TryToGregorian(new LunarDate(lunarYear, month, 30, isLeapMonth), out _) ? 30
        : TryToGregorian(new LunarDate(lunarYear, month, 29, isLeapMonth), out _) ? 29
        : throw new ArgumentOutOfRangeException(nameof(month), month, "That month does not exist in that lunar year.");

    /// <summary>Lunar new year's day (mùng 1 Tết) of a lunar year.</summary>
    public static DateOnly NewYear(int lunarYear) => ToGregorian(new LunarDate(lunarYear, 1, 1));

    private static void CheckYear(int year, string parameter)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(parameter, year, string.Create(
                CultureInfo.InvariantCulture, $"The lunar calendar is computed for {MinYear}–{MaxYear} only."));
        }
    }
}
