namespace EvalBot.Domain.Calendar;

/// <summary>The law gives 2 September plus the day before or after it; the government picks each year.</summary>
public enum NationalDaySecondDay
{
    /// <summary>1 September (recent practice).</summary>
    DayBefore = 0,

    /// <summary>3 September.</summary>
    DayAfter = 1,
}
