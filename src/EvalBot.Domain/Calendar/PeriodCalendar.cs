using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Calendar;

/// <summary>
/// Calendar behaviour for the existing <see cref="Period"/> record: its dates, its neighbours, its
/// order, and strict parsing of the labels an admin types (<c>2026-Q1</c>, <c>2026-03</c>). Kept
/// beside the calendar so the record stays a plain value the rule engine already relies on.
/// </summary>
public static class PeriodCalendar
{
    /// <summary>Earliest year a label may name.</summary>
    public const int MinYear = 1900;

    /// <summary>Latest year a label may name.</summary>
    public const int MaxYear = 2100;

    extension(Period period)
    {
        /// <summary>The first day of the period.</summary>
        public DateOnly Start => new(period.Year, FirstMonth(period), 1);

        /// <summary>The last day of the period (inclusive).</summary>
        public DateOnly End => period.Start.AddMonths(period.Months).AddDays(-1);

        /// <summary>The following period of the same kind and unit.</summary>
        public Period Next() => period.Shift(1);

        /// <summary>The preceding period of the same kind and unit.</summary>
        public Period Previous() => period.Shift(-1);

        /// <summary>Chronological order: by first day, then last day (a month before its quarter), then unit.</summary>
        public int CompareTo(Period other) => PeriodComparer.Chronological.Compare(period, other);

        private Period Shift(int by)
        {
            var count = period.Kind == PeriodKind.Quarter ? 4 : 12;
            var index = (period.Year * count) + period.Index - 1 + by;
            return period with { Year = index / count, Index = (index % count) + 1 };
        }

        /// <summary>Reads <c>YYYY-Qn</c> or <c>YYYY-MM</c> exactly, for the given unit.</summary>
        /// <exception cref="FormatException">The text is not such a label; the message says why.</exception>
        public static Period Parse(string text, string unitId) =>
            TryParse(text, unitId, out var result, out var error) ? result : throw new FormatException(error);

        /// <summary>Reads <c>YYYY-Qn</c> or <c>YYYY-MM</c> exactly; on failure <paramref name="error"/> says why and <paramref name="result"/> is null.</summary>
        public static bool TryParse(
            string? text, string unitId, [NotNullWhen(true)] out Period? result, [NotNullWhen(false)] out string? error)
        {
            ArgumentNullException.ThrowIfNull(unitId);
            result = null;
            error = Check(text, out var year, out var kind, out var index);
            if (error is null)
            {
                result = new Period(year, kind, index, unitId);
            }

            return error is null;
        }
    }

    private static int FirstMonth(Period period) =>
        period.Kind == PeriodKind.Quarter ? ((period.Index - 1) * 3) + 1 : period.Index;

    private static string? Check(string? text, out int year, out PeriodKind kind, out int index)
    {
        year = index = 0;
        kind = PeriodKind.Month;
        const string expected = "expected YYYY-Qn (quarter 1–4) or YYYY-MM (month 01–12), for example 2026-Q1 or 2026-03";
        if (string.IsNullOrEmpty(text))
        {
            return "A period is required: " + expected + ".";
        }

        var quarter = text.Length == 7 && text[5] == 'Q';
        var shapeOk = text.Length == 7 && text[4] == '-' && AllDigits(text.AsSpan(0, 4))
            && (quarter ? char.IsAsciiDigit(text[6]) : AllDigits(text.AsSpan(5, 2)));
        if (!shapeOk)
        {
            return Invariant($"'{text}' is not a period: {expected}.");
        }

        year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        kind = quarter ? PeriodKind.Quarter : PeriodKind.Month;
        index = int.Parse(text.AsSpan(quarter ? 6 : 5), CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear)
        {
            return Invariant($"'{text}' is not a period: the year must be between {MinYear} and {MaxYear}.");
        }

        var max = quarter ? 4 : 12;
        return index < 1 || index > max
            ? Invariant($"'{text}' is not a period: the {(quarter ? "quarter must be 1–4" : "month must be 01–12")}.")
            : null;
    }

    private static bool AllDigits(ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
