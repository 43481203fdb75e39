using System.Globalization;

namespace EvalBot.Domain;

/// <summary>Number formatting for explanations: culture-independent so results are reproducible on any machine.</summary>
internal static class Fmt
{
    /// <summary>Invariant form with up to two decimals (89.99).</summary>
    public static string En(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Vietnamese form with a decimal comma (89,99).</summary>
    public static string Vi(decimal value) => En(value).Replace('.', ',');

    /// <summary>
    /// A score as it is compared with a band: up to four decimals, cut (never rounded up), with "…" when more digits
    /// follow, so 89.999 never reads as 90 (rule 7).
    /// </summary>
    public static string Precise(decimal value)
    {
        var cut = Math.Round(value, 4, MidpointRounding.ToZero);
        return cut.ToString("0.####", CultureInfo.InvariantCulture) + (cut == value ? "" : "…");
    }

    /// <summary>Invariant text for an inputs table.</summary>
    public static string Raw(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant text for an integer.</summary>
    public static string Raw(int value) => value.ToString(CultureInfo.InvariantCulture);
}
