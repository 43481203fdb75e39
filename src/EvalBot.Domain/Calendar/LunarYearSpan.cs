namespace EvalBot.Domain.Calendar;

/// <summary>
/// The months from one 11th month to the next: months 11 and 12 of lunar year <see cref="BaseYear"/>,
/// then months 1 to 10 of the following year. Thirteen months in a span means one is a leap month:
/// the first one in which the Sun enters no new 30° sector (no major solar term).
/// </summary>
/// <param name="BaseYear">The lunar year that months 11 and 12 of the span belong to.</param>
/// <param name="FirstLunation">The lunation that opens month 11.</param>
/// <param name="MonthCount">12 or 13.</param>
/// <param name="LeapOffset">Position (1–12) of the leap month in the span, or 0 when there is none.</param>
internal readonly record struct LunarYearSpan(int BaseYear, int FirstLunation, int MonthCount, int LeapOffset)
{
    public static LunarYearSpan Starting(int baseYear)
    {
        var first = LunarMonths.EleventhMonth(baseYear);
        var count = LunarMonths.EleventhMonth(baseYear + 1) - first;
        var leap = 0;
        if (count == 13)
        {
            for (var i = 1; i < 13 && leap == 0; i++)
            {
                var start = LunarMonths.SolarSector(LunarMonths.NewMoonDay(first + i));
                var next = LunarMonths.SolarSector(LunarMonths.NewMoonDay(first + i + 1));
                leap = start == next ? i : 0;
            }
        }

        return new LunarYearSpan(baseYear, first, count, leap);
    }

    /// <summary>The lunar month at a position in the span.</summary>
    public (int Year, int Month, bool IsLeap) MonthAt(int offset)
    {
        var regular = LeapOffset > 0 && offset >= LeapOffset ? offset - 1 : offset;
        var month = ((10 + regular) % 12) + 1;
        return (regular < 2 ? BaseYear : BaseYear + 1, month, LeapOffset > 0 && offset == LeapOffset);
    }

    /// <summary>The position of a month in the span, or -1 when the span has no such (leap) month.</summary>
    public int OffsetOf(int month, bool isLeap)
    {
        var regular = month >= 11 ? month - 11 : month + 1;
        if (isLeap)
        {
            return LeapOffset > 0 && LeapOffset == regular + 1 ? LeapOffset : -1;
        }

        return LeapOffset > 0 && regular >= LeapOffset ? regular + 1 : regular;
    }
}
