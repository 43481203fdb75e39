namespace EvalBot.Core;

/// <summary>
/// "Today" and "this year" in the organisation: instants read in its time zone (<c>Classification:TimeZone</c>,
/// Asia/Ho_Chi_Minh by default), in one place instead of a fixed +07:00 offset in each feature.
/// </summary>
public sealed class OrganisationClock(IConfiguration configuration)
{
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(configuration?["Classification:TimeZone"] is { Length: > 0 } id ? id : DefaultTimeZone);

    /// <summary>The organisation's calendar day at <paramref name="instant"/>.</summary>
    public DateOnly Today(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The organisation's year at <paramref name="instant"/>.</summary>
    public int Year(DateTimeOffset instant) => Today(instant).Year;

    /// <summary>Whether the annual review's records may still be written for <paramref name="year"/> at <paramref name="instant"/>: this year or the two before.</summary>
    public bool IsReviewYear(int year, DateTimeOffset instant)
    {
        var current = Year(instant);
        return year <= current && year >= current - 2;
    }

    /// <summary>A local date and time of the organisation as an instant.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
