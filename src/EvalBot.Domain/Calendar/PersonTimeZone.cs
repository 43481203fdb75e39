using System.Diagnostics.CodeAnalysis;

namespace EvalBot.Domain.Calendar;

/// <summary>
/// A person's time zone by IANA id. Most staff are in Việt Nam; people posted abroad (embassies,
/// training) are prompted in their own morning, not at 03:00.
/// </summary>
public static class PersonTimeZone
{
    /// <summary>The zone used when a person has none recorded.</summary>
    public const string DefaultId = "Asia/Ho_Chi_Minh";

    /// <summary>The zone for an IANA id, or the default zone for null or blank.</summary>
    /// <exception cref="ArgumentException">The id names no zone known to the system.</exception>
    public static TimeZoneInfo Resolve(string? ianaId) =>
        TryResolve(ianaId, out var zone)
            ? zone
            : throw new ArgumentException($"'{ianaId}' is not a known IANA time zone id (for example {DefaultId} or Europe/Paris).", nameof(ianaId));

    /// <summary>The zone for an IANA id (the default for null or blank), or false when the id is unknown.</summary>
    public static bool TryResolve(string? ianaId, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        var id = string.IsNullOrWhiteSpace(ianaId) ? DefaultId : ianaId.Trim();
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            zone = null;
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }
}
