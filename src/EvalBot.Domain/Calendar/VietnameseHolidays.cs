namespace EvalBot.Domain.Calendar;

/// <summary>
/// The public holidays of a year by the Labour Code 2019 (Art. 112), computed rather than listed, so
/// no one has to type next year's Tết into a table. Tết and Giỗ Tổ follow the lunar calendar.
/// </summary>
public static class VietnameseHolidays
{
    /// <summary>The year the Labour Code 2019 added a second National Day holiday.</summary>
    public const int SecondNationalDaySince = 2021;

    /// <summary>The holidays the law names for a year, sorted, one entry per date; no nghỉ bù, no announcements.</summary>
    public static IReadOnlyList<Holiday> Statutory(int year, WorkCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var days = new List<Holiday> { new(new DateOnly(year, 1, 1), HolidayKind.NewYear) };
        var tet = VietnameseLunarCalendar.NewYear(year);
        for (var i = -options.TetDaysBeforeNewYear; i < options.TetDaysFromNewYear; i++)
        {
            days.Add(new Holiday(tet.AddDays(i), HolidayKind.LunarNewYear));
        }

        days.Add(new Holiday(VietnameseLunarCalendar.ToGregorian(new LunarDate(year, 3, 10)), HolidayKind.HungKings));
        days.Add(new Holiday(new DateOnly(year, 4, 30), HolidayKind.ReunificationDay));
        days.Add(new Holiday(new DateOnly(year, 5, 1), HolidayKind.LabourDay));
        days.Add(new Holiday(new DateOnly(year, 9, 2), HolidayKind.NationalDay));
        if (year >= SecondNationalDaySince)
        {
            var second = options.NationalDaySecondDay == NationalDaySecondDay.DayBefore ? 1 : 3;
            days.Add(new Holiday(new DateOnly(year, 9, second), HolidayKind.NationalDay));
        }

        return [.. days.DistinctBy(d => d.Date).OrderBy(d => d.Date)];
    }

    /// <summary>
    /// Every day off in a year, sorted: the statutory holidays, a nghỉ bù for each one on a weekend
    /// (when enabled), the announced extra days off; less the announced extra working days.
    /// </summary>
    public static IReadOnlyList<Holiday> For(int year, WorkCalendarOptions options)
    {
        var statutory = Statutory(year, options);
        var taken = statutory.Select(h => h.Date).ToHashSet();
        var days = new List<Holiday>(statutory);
        days.AddRange(options.ExtraDaysOff
            .Where(d => d.Year == year && taken.Add(d))
            .Select(d => new Holiday(d, HolidayKind.Announced)));

        if (options.CompensateWeekendHolidays)
        {
            foreach (var holiday in statutory.Where(h => IsWeekend(h.Date)))
            {
                var day = holiday.Date.AddDays(1);
                while (IsWeekend(day) || !taken.Add(day))
                {
                    day = day.AddDays(1);
                }

                days.Add(holiday with { Date = day, IsCompensatory = true });
            }
        }

        var worked = options.ExtraWorkingDays.ToHashSet();
        return [.. days.Where(h => !worked.Contains(h.Date)).OrderBy(h => h.Date)];
    }

    /// <summary>Saturday and Sunday: the weekly rest of public-sector staff.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
