using System.Globalization;

namespace EvalBot.Domain.Calendar;

/// <summary>
/// What the law leaves to each year's government announcement, so a deployment follows the official
/// notice by configuration instead of a code change. Defaults match recent practice.
/// </summary>
public sealed record WorkCalendarOptions
{
    /// <summary>Days off before mùng 1 Tết (1 = the last day of the lunar year, 29 or 30/12). Default 1.</summary>
    public int TetDaysBeforeNewYear { get; init; } = 1;

    /// <summary>Days off from mùng 1 Tết on (4 = 1/1 to 4/1). Default 4, five days in all with the day before.</summary>
    public int TetDaysFromNewYear { get; init; } = 4;

    /// <summary>Which day goes with 2 September (from 2021, Labour Code 2019). Default the day before.</summary>
    public NationalDaySecondDay NationalDaySecondDay { get; init; } = NationalDaySecondDay.DayBefore;

    /// <summary>Give a compensatory day (nghỉ bù) on the next working day when a holiday falls on a weekend. Default on.</summary>
    public bool CompensateWeekendHolidays { get; init; } = true;

    /// <summary>Further days off announced for a year (bridge days, days swapped with a Saturday).</summary>
    public IReadOnlyList<DateOnly> ExtraDaysOff { get; init; } = [];

    /// <summary>Days worked although they would be off: make-up Saturdays, or a computed day the announcement moved.</summary>
    public IReadOnlyList<DateOnly> ExtraWorkingDays { get; init; } = [];

    /// <summary>Problems that make the options unusable; empty when they are fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TetDaysBeforeNewYear is < 0 or > 5)
        {
            errors.Add("TetDaysBeforeNewYear must be between 0 and 5.");
        }

        if (TetDaysFromNewYear is < 1 or > 9)
        {
            errors.Add("TetDaysFromNewYear must be between 1 and 9.");
        }

        if (!Enum.IsDefined(NationalDaySecondDay))
        {
            errors.Add("NationalDaySecondDay must be DayBefore or DayAfter.");
        }

        foreach (var date in ExtraDaysOff.Intersect(ExtraWorkingDays))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} is listed both as an extra day off and as an extra working day."));
        }

        return errors;
    }
}
