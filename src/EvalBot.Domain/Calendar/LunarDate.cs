using System.Globalization;

namespace EvalBot.Domain.Calendar;

/// <summary>
/// A date in the Vietnamese lunar calendar (âm lịch). A leap month (tháng nhuận) repeats the number
/// of the month before it, so the number alone does not identify a month.
/// </summary>
/// <param name="Year">Lunar year; it begins at Tết, so January dates often still belong to the previous one.</param>
/// <param name="Month">1–12.</param>
/// <param name="Day">1–30.</param>
/// <param name="IsLeapMonth">True in the repeated month.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    /// <summary>Sortable text such as <c>2025-06L-15</c> (L marks the leap month).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}{(IsLeapMonth ? "L" : string.Empty)}-{Day:00}");
}
