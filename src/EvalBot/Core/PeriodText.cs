namespace EvalBot.Core;

/// <summary>Strict period strings: <c>2026-Q1</c> or <c>2026-03</c>.</summary>
public static partial class PeriodText
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(20[0-9]{2})-(Q[1-4]|0[1-9]|1[0-2])$", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial System.Text.RegularExpressions.Regex Pattern();

    public static bool IsValid(string? period) => period is not null && Pattern().IsMatch(period);

    /// <summary>The year a period (or a bare year) belongs to, as written: <c>2026</c> for <c>2026-Q1</c>; empty when too short.</summary>
    public static string YearText(string period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Length >= 4 ? period[..4] : "";
    }

    /// <summary>The year of a period (<c>2026-Q1</c>, <c>2026-03</c>, <c>2026</c>), or null when it does not start with one.</summary>
    public static int? YearOf(string period) =>
        int.TryParse(YearText(period), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;
}
