namespace EvalBot.Core;

/// <summary>Strict period strings: <c>2026-Q1</c> or <c>2026-03</c>.</summary>
public static partial class PeriodText
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(20[0-9]{2})-(Q[1-4]|0[1-9]|1[0-2])$", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial System.Text.RegularExpressions.Regex Pattern();

    public static bool IsValid(string? period) => period is not null && Pattern().IsMatch(period);
}
