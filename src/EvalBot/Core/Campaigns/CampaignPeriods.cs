using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;

namespace EvalBot.Core;

/// <summary>Period labels as campaigns accept them: strictly <c>YYYY-Qn</c> or <c>YYYY-MM</c>, in the years the calendar covers.</summary>
public static class CampaignPeriods
{
    /// <summary>Campaign periods are organisation-wide; the unit part of <see cref="Period"/> is left empty.</summary>
    private const string AnyUnit = "";

    public static bool TryParse(string? text, [NotNullWhen(true)] out Period? period, [NotNullWhen(false)] out string? error)
    {
        if (!Period.TryParse(text, AnyUnit, out period, out error))
        {
            return false;
        }

        if (!CampaignCalendar.Covers(period))
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"'{text}' is outside the working calendar: campaigns can run for periods from {WorkCalendar.FirstYear} to {WorkCalendar.LastYear - 1}.");
            period = null;
            return false;
        }

        return true;
    }

    /// <exception cref="FormatException">The label is not a period campaigns can run for.</exception>
    public static Period Parse(string text) => TryParse(text, out var period, out var error) ? period : throw new FormatException(error);
}
