using System.Collections.Concurrent;
using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using Microsoft.Extensions.Options;

namespace EvalBot.Core;

/// <summary>
/// The campaign's dates for a period: when it is scheduled to open, and, once opened, every later step counted from
/// the day it actually opened. A campaign opened late (by an admin, or after downtime) keeps its full window instead
/// of sending all its reminders at once.
/// </summary>
public sealed class CampaignCalendar(WorkCalendar calendar, IOptions<CampaignOptions> options)
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    public WorkCalendar WorkCalendar => calendar;

    public CampaignSettings Settings { get; } = options.Value.ToSettings();

    /// <summary>The zone that decides when a campaign as a whole opens and closes.</summary>
    public TimeZoneInfo CampaignZone { get; } = PersonTimeZone.Resolve(options.Value.TimeZone);

    /// <summary>True when the calendar can place every step of the period (its year and the next are covered).</summary>
    public static bool Covers(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Year >= WorkCalendar.FirstYear && period.Year < WorkCalendar.LastYear;
    }

    /// <summary>The schedule as planned from the period's end, in the given zone.</summary>
    public CampaignSchedule Scheduled(Period period, TimeZoneInfo zone) => CampaignSchedule.For(period, Settings, calendar, zone);

    /// <summary>The schedule of an opened campaign: opening on the working day it was opened (never before the planned one).</summary>
    public CampaignSchedule ForCampaign(Period period, DateTimeOffset openedAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        var openedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(openedAt, CampaignZone).DateTime);
        var day = Math.Max(Settings.OpenAfterPeriodEnd, WorkingDaysBetween(period.End, openedOn));
        return CampaignSchedule.For(period, Settings with { OpenAfterPeriodEnd = day }, calendar, zone);
    }

    /// <summary>A person's zone: their own, else their unit's, else the default; an unknown id falls back too.</summary>
    public TimeZoneInfo ZoneOf(string? personZone, string? unitZone)
    {
        var id = !string.IsNullOrWhiteSpace(personZone) ? personZone : unitZone;
        return _zones.GetOrAdd(id ?? "", key => PersonTimeZone.TryResolve(key, out var zone) ? zone : CampaignZone);
    }

    /// <summary>The period of that kind containing the instant's date in the campaign zone.</summary>
    public Period PeriodAt(PeriodKind kind, DateTimeOffset instant)
    {
        var date = TimeZoneInfo.ConvertTime(instant, CampaignZone).DateTime;
        return new Period(date.Year, kind, kind == PeriodKind.Quarter ? ((date.Month - 1) / 3) + 1 : date.Month, "");
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="upTo"/>]; 0 when upTo is not later.</summary>
    private int WorkingDaysBetween(DateOnly after, DateOnly upTo)
    {
        var count = 0;
        for (var day = after.AddDays(1); day <= upTo && count < 366; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
