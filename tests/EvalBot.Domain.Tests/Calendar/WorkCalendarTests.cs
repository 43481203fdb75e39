using EvalBot.Domain.Calendar;

namespace EvalBot.Domain.Tests.Calendar;

public class WorkCalendarTests
{
    private static readonly WorkCalendar Calendar = new();

    [Theory]
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-20", false)]
    [InlineData("2026-02-21", false)]
    [InlineData("2026-02-23", true)]
    [InlineData("2026-04-27", false)]
    [InlineData("2026-04-28", true)]
    [InlineData("2026-09-01", false)]
    [InlineData("2026-09-03", true)]
    public void Working_days_are_weekdays_that_are_not_days_off(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(Iso.Date(date)));
    }

    [Theory]
    [InlineData("2026-02-13", 1, "2026-02-23")]
    [InlineData("2026-02-13", 5, "2026-02-27")]
    [InlineData("2026-02-14", 1, "2026-02-23")]
    [InlineData("2024-02-08", 1, "2024-02-16")]
    [InlineData("2026-02-23", -1, "2026-02-13")]
    [InlineData("2026-02-16", 0, "2026-02-16")]
    [InlineData("2026-04-24", 2, "2026-04-29")]
    [InlineData("2026-04-29", 2, "2026-05-05")]
    public void Adding_working_days_skips_Tet_weekends_and_holidays(string start, int days, string expected)
    {
        Assert.Equal(Iso.Date(expected), Calendar.AddWorkingDays(Iso.Date(start), days));
    }

    [Theory]
    [InlineData("2026-02-16", "2026-02-23")]
    [InlineData("2026-02-23", "2026-02-23")]
    [InlineData("2026-03-07", "2026-03-09")]
    [InlineData("2026-09-01", "2026-09-03")]
    public void Next_working_day_on_or_after(string date, string expected)
    {
        Assert.Equal(Iso.Date(expected), Calendar.NextWorkingDayOnOrAfter(Iso.Date(date)));
    }

    [Fact]
    public void Announced_swaps_follow_configuration()
    {
        var calendar = new WorkCalendar(new WorkCalendarOptions
        {
            ExtraDaysOff = [Iso.Date("2025-01-27")],
            ExtraWorkingDays = [Iso.Date("2025-02-08")],
        });

        Assert.False(calendar.IsWorkingDay(Iso.Date("2025-01-27")));
        Assert.True(calendar.IsWorkingDay(Iso.Date("2025-02-08")));
        Assert.Equal(HolidayKind.Announced, calendar.HolidayOn(Iso.Date("2025-01-27"))?.Kind);
    }

    [Fact]
    public void Holiday_on_names_the_day_off()
    {
        Assert.Equal(new Holiday(Iso.Date("2026-04-27"), HolidayKind.HungKings, IsCompensatory: true), Calendar.HolidayOn(Iso.Date("2026-04-27")));
        Assert.Null(Calendar.HolidayOn(Iso.Date("2026-04-28")));
    }

    [Fact]
    public void A_day_both_off_and_worked_is_a_configuration_error()
    {
        var day = Iso.Date("2026-05-04");

        var error = Assert.Throws<ArgumentException>(() => new WorkCalendar(new WorkCalendarOptions { ExtraDaysOff = [day], ExtraWorkingDays = [day] }));

        Assert.Contains("2026-05-04", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 4)]
    [InlineData(1, 0)]
    public void An_impossible_Tet_span_is_a_configuration_error(int before, int from)
    {
        Assert.Throws<ArgumentException>(() => new WorkCalendar(new WorkCalendarOptions { TetDaysBeforeNewYear = before, TetDaysFromNewYear = from }));
    }

    [Theory]
    [InlineData("2019-12-31")]
    [InlineData("2100-01-01")]
    public void Years_outside_the_calendar_are_refused(string date)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(Iso.Date(date)));

        Assert.Contains("2020–2099", error.Message, StringComparison.Ordinal);
    }
}
