using System.Globalization;
using System.Text.RegularExpressions;
using EvalBot.Domain.Calendar;
using DomainPeriod = EvalBot.Domain.Records.Period;

namespace EvalBot.Features.Organisation;

/// <summary>
/// The demo files name quarters relative to the day the seed runs, so the demo always has a current quarter and
/// three years of history. Tokens: <c>{Q0}</c>, <c>{Q-1}</c>, <c>{Q-2}</c> give a label (<c>2026-Q3</c>); <c>.start</c>
/// or <c>.end</c> give the first or last day, optionally shifted by days (<c>{Q-1.start+20}</c>). A row using
/// <c>{Q}</c> (no number) is repeated for every quarter from the first of the year two years back to the current one,
/// oldest first (<see cref="Quarters"/>). <c>{D}</c> is the seed day itself, optionally shifted by days (<c>{D-90}</c>).
/// </summary>
public static partial class DemoTemplate
{
    /// <summary>Whole years of history before the current one.</summary>
    public const int PastYears = 2;

    /// <summary>Offsets of the quarters a <c>{Q}</c> row is repeated for: Q1 of <see cref="PastYears"/> years back to now.</summary>
    public static IReadOnlyList<int> Quarters(DomainPeriod current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return [.. Enumerable.Range(-((4 * PastYears) + current.Index - 1), (4 * PastYears) + current.Index)];
    }

    [GeneratedRegex(@"\{Q(?<n>-?\d)?(?:\.(?<edge>start|end))?(?<days>[+-]\d{1,3})?\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Token();

    [GeneratedRegex(@"\{D(?<days>[+-]\d{1,4})?\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DayToken();

    /// <summary>The table with every token replaced, relative to <paramref name="current"/> (a quarter) and <paramref name="today"/> (the seed day).</summary>
    public static ImportTable Expand(ImportTable table, DomainPeriod current, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<ImportRow>();
        foreach (var row in table.Rows)
        {
            var repeated = row.Cells.Any(c => Token().Matches(c).Any(m => !m.Groups["n"].Success));
            foreach (var offset in repeated ? Quarters(current) : [0])
            {
                rows.Add(row with { Cells = row.Cells.Select(c => Day(Replace(c, current, offset), today)).ToList() });
            }
        }

        return table with { Rows = rows };
    }

    /// <summary>The quarter <paramref name="offset"/> quarters from <paramref name="current"/>.</summary>
    public static DomainPeriod Shift(DomainPeriod current, int offset)
    {
        ArgumentNullException.ThrowIfNull(current);
        var period = current;
        for (var i = 0; i < Math.Abs(offset); i++) period = offset < 0 ? period.Previous() : period.Next();
        return period;
    }

    private static string Replace(string cell, DomainPeriod current, int rowOffset) => Token().Replace(cell, m =>
    {
        var offset = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : rowOffset;
        var period = Shift(current, offset);
        if (!m.Groups["edge"].Success) return period.Label;
        var date = m.Groups["edge"].Value == "start" ? period.Start : period.End;
        var days = m.Groups["days"].Success ? int.Parse(m.Groups["days"].Value, CultureInfo.InvariantCulture) : 0;
        return date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    });

    private static string Day(string cell, DateOnly today) => DayToken().Replace(cell, m =>
        today.AddDays(m.Groups["days"].Success ? int.Parse(m.Groups["days"].Value, CultureInfo.InvariantCulture) : 0).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
