using EvalBot.Domain.Calendar;

namespace EvalBot.Domain.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2031, "2031-01-23")]
    [InlineData(2033, "2033-01-31")]
    [InlineData(2034, "2034-02-19")]
    [InlineData(2036, "2036-01-28")]
    [InlineData(2038, "2038-02-04")]
    [InlineData(2040, "2040-02-12")]
    public void Tet_falls_on_the_known_date(int lunarYear, string expected)
    {
        Assert.Equal(Iso.Date(expected), VietnameseLunarCalendar.NewYear(lunarYear));
    }

    // The new moon falls before midnight at UTC+7 but after it at UTC+8, so Vietnam's Tết is a day
    // earlier than China's (2030: new moon 2 Feb 16:07 UT, i.e. 23:07 in Hà Nội, 00:07 in Beijing).
    [Theory]
    [InlineData(1968, "1968-01-29")]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2030, "2030-02-02")]
    public void Tet_follows_the_UTC_plus_7_new_moon_where_it_differs_from_the_Chinese_calendar(int lunarYear, string expected)
    {
        Assert.Equal(Iso.Date(expected), VietnameseLunarCalendar.NewYear(lunarYear));
    }

    [Theory]
    [InlineData("2024-02-09", 2023, 12, 30, false)]
    [InlineData("2025-01-28", 2024, 12, 29, false)]
    [InlineData("2020-05-22", 2020, 4, 30, false)]
    [InlineData("2020-05-23", 2020, 4, 1, true)]
    [InlineData("2020-06-21", 2020, 5, 1, false)]
    [InlineData("2023-03-22", 2023, 2, 1, true)]
    [InlineData("2023-04-29", 2023, 3, 10, false)]
    [InlineData("2025-07-25", 2025, 6, 1, true)]
    [InlineData("2025-08-23", 2025, 7, 1, false)]
    [InlineData("2025-10-06", 2025, 8, 15, false)]
    [InlineData("2028-06-23", 2028, 5, 1, true)]
    [InlineData("2028-07-22", 2028, 6, 1, false)]
    [InlineData("2031-04-21", 2031, 3, 1, true)]
    [InlineData("2033-12-22", 2033, 11, 1, true)]
    [InlineData("2034-01-20", 2033, 12, 1, false)]
    public void Converts_both_ways_through_leap_months_and_year_ends(string gregorian, int year, int month, int day, bool leap)
    {
        var date = Iso.Date(gregorian);
        var lunar = new LunarDate(year, month, day, leap);

        Assert.Equal(lunar, VietnameseLunarCalendar.FromGregorian(date));
        Assert.Equal(date, VietnameseLunarCalendar.ToGregorian(lunar));
    }

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    [InlineData(2031, 3)]
    [InlineData(2033, 11)]
    [InlineData(2036, 6)]
    [InlineData(2039, 5)]
    [InlineData(2024, null)]
    [InlineData(2026, null)]
    [InlineData(2034, null)]
    public void Leap_month_is_the_first_month_without_a_major_solar_term(int lunarYear, int? expected)
    {
        Assert.Equal(expected, VietnameseLunarCalendar.LeapMonth(lunarYear));
    }

    [Theory]
    [InlineData(2023, 12, false, 30)]
    [InlineData(2024, 12, false, 29)]
    [InlineData(2025, 6, false, 30)]
    [InlineData(2025, 6, true, 29)]
    public void Month_length_is_29_or_30_days(int year, int month, bool leap, int expected)
    {
        Assert.Equal(expected, VietnameseLunarCalendar.DaysInMonth(year, month, leap));
    }

    [Theory]
    [InlineData(2024, 4, 1, true)]
    [InlineData(2025, 5, 1, true)]
    [InlineData(2024, 12, 30, false)]
    [InlineData(2025, 13, 1, false)]
    [InlineData(2025, 1, 0, false)]
    public void A_lunar_date_that_does_not_exist_is_refused(int year, int month, int day, bool leap)
    {
        var lunar = new LunarDate(year, month, day, leap);

        Assert.False(VietnameseLunarCalendar.TryToGregorian(lunar, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToGregorian(lunar));
    }

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("2101-01-01")]
    public void Dates_outside_the_computed_range_are_refused(string gregorian)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromGregorian(Iso.Date(gregorian)));
    }

    [Fact]
    public void Leap_month_text_is_marked()
    {
        Assert.Equal("2025-06L-01", new LunarDate(2025, 6, 1, true).ToString());
    }
}
