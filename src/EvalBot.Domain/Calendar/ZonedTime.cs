namespace EvalBot.Domain.Calendar;

/// <summary>Local wall-clock time to instants and back, with the daylight-saving edge cases decided once.</summary>
internal static class ZonedTime
{
    /// <summary>
    /// The instant a local date and time denote. A time skipped by a clock change is read with the
    /// offset before the change (so it lands just after the gap); a repeated time takes its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddDays(-1));
            var after = zone.GetUtcOffset(local.AddDays(1));
            offset = before < after ? before : after;
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The local date and time of an instant.</summary>
    public static (DateOnly Date, TimeOnly Time) ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }
}
