using CsCheck;
using EvalBot.Domain.Calendar;

namespace EvalBot.Domain.Tests.Calendar;

public class VietnameseLunarCalendarPropertyTests
{
    private static readonly Gen<DateOnly> Dates =
        Gen.Int[new DateOnly(2000, 3, 1).DayNumber, new DateOnly(2099, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);

    [Fact]
    public void Every_civil_day_round_trips_through_the_lunar_calendar()
    {
        Dates.Sample(date =>
            Assert.Equal(date, VietnameseLunarCalendar.ToGregorian(VietnameseLunarCalendar.FromGregorian(date))));
    }

    [Fact]
    public void The_day_after_is_the_next_lunar_day_or_the_first_of_a_month()
    {
        Dates.Sample(date =>
        {
            var today = VietnameseLunarCalendar.FromGregorian(date);
            var tomorrow = VietnameseLunarCalendar.FromGregorian(date.AddDays(1));
            Assert.True(tomorrow.Day == today.Day + 1 || (tomorrow.Day == 1 && today.Day is 29 or 30), $"{today} then {tomorrow}");
        });
    }
}
