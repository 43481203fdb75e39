namespace EvalBot.Domain.Calendar;

/// <summary>
/// The two astronomical quantities a lunisolar calendar needs: the instant of each new moon and the
/// Sun's apparent longitude. Written from the published series in J. Meeus, <i>Astronomical
/// Algorithms</i> (2nd ed.): ch. 49 for the new moon (accurate to seconds) and ch. 25 for the Sun
/// (about 0.01°, i.e. a quarter of an hour), which is ample for calendar days. Times are Julian
/// Ephemeris Days (TT); <see cref="DeltaTDays"/> converts them to UT.
/// </summary>
internal static class Astronomy
{
    /// <summary>Mean length of a lunation in days.</summary>
    public const double SynodicMonth = 29.530588861;

    /// <summary>JDE of the mean new moon of lunation 0 (2000-01-06).</summary>
    public const double Lunation0 = 2451550.09766;

    private const double Deg = Math.PI / 180.0;

    /// <summary>JDE (TT) of the true new moon of lunation <paramref name="k"/> (0 = January 2000).</summary>
    public static double NewMoonJde(int k)
    {
        double t = k / 1236.85, t2 = t * t, t3 = t2 * t, t4 = t3 * t;
        var jde = Lunation0 + (SynodicMonth * k) + (0.00015437 * t2) - (0.000000150 * t3) + (0.00000000073 * t4);

        var e = 1 - (0.002516 * t) - (0.0000074 * t2);
        var m = Deg * (2.5534 + (29.10535670 * k) - (0.0000014 * t2) - (0.00000011 * t3));
        var mp = Deg * (201.5643 + (385.81693528 * k) + (0.0107582 * t2) + (0.00001238 * t3) - (0.000000058 * t4));
        var f = Deg * (160.7108 + (390.67050284 * k) - (0.0016118 * t2) - (0.00000227 * t3) + (0.000000011 * t4));
        var om = Deg * (124.7746 - (1.56375588 * k) + (0.0020672 * t2) + (0.00000215 * t3));

        jde += (-0.40720 * Math.Sin(mp))
            + (0.17241 * e * Math.Sin(m))
            + (0.01608 * Math.Sin(2 * mp))
            + (0.01039 * Math.Sin(2 * f))
            + (0.00739 * e * Math.Sin(mp - m))
            - (0.00514 * e * Math.Sin(mp + m))
            + (0.00208 * e * e * Math.Sin(2 * m))
            - (0.00111 * Math.Sin(mp - (2 * f)))
            - (0.00057 * Math.Sin(mp + (2 * f)))
            + (0.00056 * e * Math.Sin((2 * mp) + m))
            - (0.00042 * Math.Sin(3 * mp))
            + (0.00042 * e * Math.Sin(m + (2 * f)))
            + (0.00038 * e * Math.Sin(m - (2 * f)))
            - (0.00024 * e * Math.Sin((2 * mp) - m))
            - (0.00017 * Math.Sin(om))
            - (0.00007 * Math.Sin(mp + (2 * m)))
            + (0.00004 * Math.Sin((2 * mp) - (2 * f)))
            + (0.00004 * Math.Sin(3 * m))
            + (0.00003 * Math.Sin(mp + m - (2 * f)))
            + (0.00003 * Math.Sin((2 * mp) + (2 * f)))
            - (0.00003 * Math.Sin(mp + m + (2 * f)))
            + (0.00003 * Math.Sin(mp - m + (2 * f)))
            - (0.00002 * Math.Sin(mp - m - (2 * f)))
            - (0.00002 * Math.Sin((3 * mp) + m))
            + (0.00002 * Math.Sin(4 * mp));

        return jde + PlanetaryCorrection(k, t2);
    }

    /// <summary>Apparent geocentric longitude of the Sun, in degrees [0, 360), at JDE (TT).</summary>
    public static double SunLongitude(double jde)
    {
        var t = (jde - 2451545.0) / 36525.0;
        var l0 = 280.46646 + (36000.76983 * t) + (0.0003032 * t * t);
        var m = Deg * (357.52911 + (35999.05029 * t) - (0.0001537 * t * t));
        var c = ((1.914602 - (0.004817 * t) - (0.000014 * t * t)) * Math.Sin(m))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * m))
            + (0.000289 * Math.Sin(3 * m));
        var omega = Deg * (125.04 - (1934.136 * t));
        var apparent = l0 + c - 0.00569 - (0.00478 * Math.Sin(omega));
        var reduced = apparent % 360.0;
        return reduced < 0 ? reduced + 360.0 : reduced;
    }

    /// <summary>TT − UT in days for a decimal year (Espenak–Meeus polynomials, 1900–2150).</summary>
    public static double DeltaTDays(double year) => DeltaTSeconds(year) / 86400.0;

    private static double DeltaTSeconds(double y)
    {
        double t;
        switch (y)
        {
            case < 1920:
                t = y - 1900;
                return -2.79 + (1.494119 * t) - (0.0598939 * t * t) + (0.0061966 * t * t * t) - (0.000197 * t * t * t * t);
            case < 1941:
                t = y - 1920;
                return 21.20 + (0.84493 * t) - (0.076100 * t * t) + (0.0020936 * t * t * t);
            case < 1961:
                t = y - 1950;
                return 29.07 + (0.407 * t) - (t * t / 233) + (t * t * t / 2547);
            case < 1986:
                t = y - 1975;
                return 45.45 + (1.067 * t) - (t * t / 260) - (t * t * t / 718);
            case < 2005:
                t = y - 2000;
                return 63.86 + (0.3345 * t) - (0.060374 * t * t) + (0.0017275 * t * t * t)
                    + (0.000651814 * t * t * t * t) + (0.00002373599 * t * t * t * t * t);
            case < 2050:
                t = y - 2000;
                return 62.92 + (0.32217 * t) + (0.005589 * t * t);
            default:
                var u = (y - 1820) / 100;
                return -20 + (32 * u * u) - (0.5628 * (2150 - y));
        }
    }

    private static double PlanetaryCorrection(int k, double t2)
    {
        ReadOnlySpan<double> coefficients =
            [0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060, 0.000056, 0.000047, 0.000042, 0.000040, 0.000037, 0.000035, 0.000023];
        ReadOnlySpan<double> bases =
            [299.77, 251.88, 251.83, 349.42, 84.66, 141.74, 207.14, 154.84, 34.52, 207.19, 291.34, 161.72, 239.56, 331.55];
        ReadOnlySpan<double> rates =
            [0.107408, 0.016321, 26.651886, 36.412478, 18.206239, 53.303771, 2.453732, 7.306860, 27.261239, 0.121824, 1.844379, 24.198154, 25.513099, 3.592518];

        var sum = 0.0;
        for (var i = 0; i < coefficients.Length; i++)
        {
            var argument = bases[i] + (rates[i] * k) - (i == 0 ? 0.009173 * t2 : 0);
            sum += coefficients[i] * Math.Sin(Deg * argument);
        }

        return sum;
    }
}
