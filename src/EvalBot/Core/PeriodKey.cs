using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalBot.Core;

/// <summary>
/// A reporting period as it is stored, typed and shown: a quarter (<c>2026-Q1</c>) or a month (<c>2026-03</c>). Text
/// from a card or a command becomes a key only through <see cref="TryParse"/>; stored rows keep the canonical text
/// (<see cref="ToString"/>), so their order as strings is their order in time within a kind.
/// </summary>
public readonly partial record struct PeriodKey
{
    private PeriodKey(int year, int? quarter, int? month)
    {
        Year = year;
        Quarter = quarter;
        Month = month;
    }

    public int Year { get; }

    /// <summary>1–4 for a quarter, else null.</summary>
    public int? Quarter { get; }

    /// <summary>1–12 for a month, else null.</summary>
    public int? Month { get; }

    /// <summary>Strict: exactly <c>20YY-Qn</c> or <c>20YY-MM</c>, nothing around it.</summary>
    public static bool TryParse(string? text, out PeriodKey key)
    {
        key = default;
        if (text is null || Pattern().Match(text) is not { Success: true } match)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var part = match.Groups[2].Value;
        key = part[0] == 'Q'
            ? new PeriodKey(year, part[1] - '0', null)
            : new PeriodKey(year, null, int.Parse(part, CultureInfo.InvariantCulture));
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>The year a stored period (or a bare year) belongs to, as written: <c>2026</c> for <c>2026-Q1</c>; empty when too short.</summary>
    public static string YearText(string period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Length >= 4 ? period[..4] : "";
    }

    /// <summary>The year of a stored period (<c>2026-Q1</c>, <c>2026-03</c>, <c>2026</c>), or null when it does not start with one.</summary>
    public static int? YearOf(string period) =>
        int.TryParse(YearText(period), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    public override string ToString() =>
        Quarter is { } q
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{q}")
            : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month ?? 0:D2}");

    [GeneratedRegex(@"^(20[0-9]{2})-(Q[1-4]|0[1-9]|1[0-2])\z", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
