using System.Globalization;
using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;

namespace EvalBot.Core;

/// <summary>
/// A reporting period as it is stored, typed and shown: a quarter (<c>2026-Q1</c>) or a month (<c>2026-03</c>). Text
/// from a card or a command becomes a key only through <see cref="TryParse"/>; stored rows keep the canonical text
/// (<see cref="ToString"/>), so their order as strings is their order in time within a kind.
/// </summary>
public readonly record struct PeriodKey
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

    /// <summary>
    /// Strict: exactly <c>20YY-Qn</c> or <c>20YY-MM</c>, nothing around it. The shape is the domain's period label
    /// (<see cref="Period"/>); a period typed on a card or in a command must also be this century's.
    /// </summary>
    public static bool TryParse(string? text, out PeriodKey key)
    {
        key = default;
        if (!Period.TryParse(text, "", out var period, out _) || period.Year is < 2000 or > 2099)
        {
            return false;
        }

        key = period.Kind == PeriodKind.Quarter
            ? new PeriodKey(period.Year, period.Index, null)
            : new PeriodKey(period.Year, null, period.Index);
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
}
