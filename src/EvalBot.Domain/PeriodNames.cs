using System.Globalization;

namespace EvalBot.Domain;

/// <summary>
/// The one way a period is named to a person, on every card and in every explanation: "Quý 2/2026" / "Q2 2026",
/// "Tháng 3/2026" / "March 2026", "6 tháng đầu năm 2026" / "H1 2026", "Năm 2026" / "2026". Stored and typed periods
/// keep their canonical keys (<c>2026-Q2</c>, <c>2026-03</c>, <c>2026-H1</c>, <c>2026</c>); only what is shown goes
/// through here.
/// </summary>
public static class PeriodNames
{
    /// <summary>The name of a period key in Vietnamese, or in English when <paramref name="english"/>; an unknown key is returned as it is.</summary>
    public static string Name(string period, bool english)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Length < 4 || !int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return period;
        }

        var rest = period[4..];
        var y = year.ToString(CultureInfo.InvariantCulture);
        if (rest.Length == 0)
        {
            return english ? y : $"Năm {y}";
        }

        if (rest.Length == 3 && rest[0] == '-' && int.TryParse(rest.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return (rest[1], n) switch
            {
                ('Q', >= 1 and <= 4) => english ? $"Q{n} {y}" : $"Quý {n}/{y}",
                ('H', 1) => english ? $"H1 {y}" : $"6 tháng đầu năm {y}",
                ('H', 2) => english ? $"H2 {y}" : $"6 tháng cuối năm {y}",
                _ when char.IsAsciiDigit(rest[1]) && int.Parse(rest.AsSpan(1), CultureInfo.InvariantCulture) is >= 1 and <= 12 and var m =>
                    english ? new DateOnly(year, m, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture) : $"Tháng {m}/{y}",
                _ => period,
            };
        }

        return period;
    }

    /// <summary>The Vietnamese name ("Quý 2/2026").</summary>
    public static string Vi(string period) => Name(period, english: false);

    /// <summary>The English name ("Q2 2026").</summary>
    public static string En(string period) => Name(period, english: true);
}
