using EvalBot.Domain.Calendar;

namespace EvalBot.Core;

/// <summary>
/// Configuration section <c>Calendar</c>: what each year's government notice decides (Tết length, the second
/// National Day, bridge and make-up days), so the working calendar follows the notice without a code change.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    public int TetDaysBeforeNewYear { get; set; } = 1;

    public int TetDaysFromNewYear { get; set; } = 4;

    public NationalDaySecondDay NationalDaySecondDay { get; set; } = NationalDaySecondDay.DayBefore;

    public bool CompensateWeekendHolidays { get; set; } = true;

    public List<DateOnly> ExtraDaysOff { get; set; } = [];

    public List<DateOnly> ExtraWorkingDays { get; set; } = [];

    public WorkCalendarOptions ToOptions() => new()
    {
        TetDaysBeforeNewYear = TetDaysBeforeNewYear,
        TetDaysFromNewYear = TetDaysFromNewYear,
        NationalDaySecondDay = NationalDaySecondDay,
        CompensateWeekendHolidays = CompensateWeekendHolidays,
        ExtraDaysOff = [.. ExtraDaysOff],
        ExtraWorkingDays = [.. ExtraWorkingDays],
    };
}
