using EvalBot.Domain.Calendar;

namespace EvalBot.Domain.Tests.Calendar;

public class VietnameseHolidaysTests
{
    private static readonly WorkCalendarOptions Defaults = new();

    [Theory]
    [InlineData(2020, "2020-04-02")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_falls_on_the_known_date(int year, string expected)
    {
        Assert.Contains(new Holiday(Iso.Date(expected), HolidayKind.HungKings), VietnameseHolidays.Statutory(year, Defaults));
    }

    [Theory]
    [InlineData(2026, "2026-01-01", HolidayKind.NewYear)]
    [InlineData(2026, "2026-04-30", HolidayKind.ReunificationDay)]
    [InlineData(2026, "2026-05-01", HolidayKind.LabourDay)]
    [InlineData(2026, "2026-09-01", HolidayKind.NationalDay)]
    [InlineData(2026, "2026-09-02", HolidayKind.NationalDay)]
    public void Fixed_holidays_fall_on_their_dates(int year, string date, HolidayKind kind)
    {
        Assert.Contains(new Holiday(Iso.Date(date), kind), VietnameseHolidays.Statutory(year, Defaults));
    }

    [Theory]
    [InlineData(2024, new[] { "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13" })]
    [InlineData(2025, new[] { "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01" })]
    [InlineData(2026, new[] { "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20" })]
    public void Tet_is_the_last_day_of_the_lunar_year_and_four_days_after(int year, string[] expected)
    {
        var tet = VietnameseHolidays.Statutory(year, Defaults).Where(h => h.Kind == HolidayKind.LunarNewYear);

        Assert.Equal(expected.Select(Iso.Date), tet.Select(h => h.Date));
    }

    [Fact]
    public void Tet_span_is_configurable()
    {
        var options = new WorkCalendarOptions { TetDaysBeforeNewYear = 2, TetDaysFromNewYear = 3 };

        var tet = VietnameseHolidays.Statutory(2026, options).Where(h => h.Kind == HolidayKind.LunarNewYear);

        Assert.Equal(["2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19"], tet.Select(h => $"{h.Date:yyyy-MM-dd}"));
    }

    [Theory]
    [InlineData(NationalDaySecondDay.DayBefore, "2025-09-01")]
    [InlineData(NationalDaySecondDay.DayAfter, "2025-09-03")]
    public void The_second_National_Day_holiday_follows_the_option(NationalDaySecondDay option, string expected)
    {
        var holidays = VietnameseHolidays.Statutory(2025, new WorkCalendarOptions { NationalDaySecondDay = option });

        var nationalDay = holidays.Where(h => h.Kind == HolidayKind.NationalDay).Select(h => h.Date).ToHashSet();
        Assert.Equal([Iso.Date(expected), Iso.Date("2025-09-02")], nationalDay);
    }

    [Fact]
    public void Before_the_Labour_Code_2019_National_Day_is_one_day()
    {
        var nationalDay = VietnameseHolidays.Statutory(2020, Defaults).Where(h => h.Kind == HolidayKind.NationalDay);

        Assert.Equal([Iso.Date("2020-09-02")], nationalDay.Select(h => h.Date));
    }

    [Theory]
    [InlineData(2023, "2023-01-02", HolidayKind.NewYear)]
    [InlineData(2028, "2028-01-03", HolidayKind.NewYear)]
    [InlineData(2024, "2024-02-14", HolidayKind.LunarNewYear)]
    [InlineData(2024, "2024-02-15", HolidayKind.LunarNewYear)]
    [InlineData(2025, "2025-02-03", HolidayKind.LunarNewYear)]
    [InlineData(2026, "2026-04-27", HolidayKind.HungKings)]
    [InlineData(2028, "2028-05-02", HolidayKind.ReunificationDay)]
    [InlineData(2023, "2023-09-04", HolidayKind.NationalDay)]
    [InlineData(2024, "2024-09-03", HolidayKind.NationalDay)]
    [InlineData(2029, "2029-09-03", HolidayKind.NationalDay)]
    [InlineData(2029, "2029-09-04", HolidayKind.NationalDay)]
    public void A_holiday_on_a_weekend_gives_a_compensatory_day_on_the_next_working_day(int year, string date, HolidayKind kind)
    {
        Assert.Contains(new Holiday(Iso.Date(date), kind, IsCompensatory: true), VietnameseHolidays.For(year, Defaults));
    }

    [Fact]
    public void Compensatory_days_can_be_turned_off()
    {
        var holidays = VietnameseHolidays.For(2024, Defaults with { CompensateWeekendHolidays = false });

        Assert.DoesNotContain(holidays, h => h.IsCompensatory);
    }

    [Fact]
    public void A_year_without_weekend_holidays_has_no_compensatory_day()
    {
        Assert.Equal(VietnameseHolidays.Statutory(2025, Defaults with { CompensateWeekendHolidays = false }).Count,
            VietnameseHolidays.For(2025, Defaults with { CompensateWeekendHolidays = false }).Count);
        Assert.Single(VietnameseHolidays.For(2025, Defaults), h => h.IsCompensatory);
    }

    [Fact]
    public void Announced_days_off_are_added_and_announced_working_days_removed()
    {
        var options = Defaults with { ExtraDaysOff = [Iso.Date("2025-01-27")], ExtraWorkingDays = [Iso.Date("2025-02-03")] };

        var holidays = VietnameseHolidays.For(2025, options);

        Assert.Contains(new Holiday(Iso.Date("2025-01-27"), HolidayKind.Announced), holidays);
        Assert.DoesNotContain(holidays, h => h.Date == Iso.Date("2025-02-03"));
    }

    [Theory]
    [InlineData(HolidayKind.LunarNewYear, false, "Tết Nguyên đán")]
    [InlineData(HolidayKind.NationalDay, true, "Nghỉ bù Quốc khánh 2/9")]
    [InlineData(HolidayKind.Announced, false, "Ngày nghỉ theo thông báo")]
    public void Holidays_have_Vietnamese_names(HolidayKind kind, bool compensatory, string expected)
    {
        Assert.Equal(expected, new Holiday(Iso.Date("2026-01-01"), kind, compensatory).Name);
    }
}
