using System.Globalization;

namespace EvalBot.Domain.Tests.Calendar;

/// <summary>ISO text to values, so test tables stay readable.</summary>
internal static class Iso
{
    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
