using CsCheck;
using EvalBot.Domain.Calendar;

namespace EvalBot.Domain.Tests.Calendar;

public class WorkCalendarPropertyTests
{
    private static readonly WorkCalendar Calendar = new();

    private static readonly Gen<DateOnly> Dates =
        Gen.Int[new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2040, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);

    [Fact]
    public void Adding_working_days_always_lands_on_a_working_day()
    {
        Gen.Select(Dates, Gen.Int[1, 60]).Sample((date, n) =>
            Assert.True(Calendar.IsWorkingDay(Calendar.AddWorkingDays(date, n)), $"{date:yyyy-MM-dd} + {n}"));
    }

    [Fact]
    public void Adding_working_days_is_strictly_monotonic_in_n()
    {
        Gen.Select(Dates, Gen.Int[0, 60]).Sample((date, n) =>
            Assert.True(Calendar.AddWorkingDays(date, n) < Calendar.AddWorkingDays(date, n + 1), $"{date:yyyy-MM-dd} + {n}"));
    }

    [Fact]
    public void Subtracting_undoes_adding_from_a_working_day()
    {
        Gen.Select(Dates, Gen.Int[0, 60]).Sample((date, n) =>
        {
            var start = Calendar.NextWorkingDayOnOrAfter(date);
            Assert.Equal(start, Calendar.AddWorkingDays(Calendar.AddWorkingDays(start, n), -n));
        });
    }
}
