using EvalBot.Cards;
using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using EvalBot.Persistence.Entities;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Core;

/// <summary>
/// The right moment to write to one person for a campaign step (check-ins, peer feedback): the step's time in their
/// own zone, moved into working hours on a Vietnamese working day and past their recorded leave; nobody is written to
/// on leave that lasts until the campaign closes. And the language their cards are in.
/// </summary>
public sealed class CampaignTiming(CampaignCalendar calendar)
{
    /// <summary>When the step may reach the person, or a skip reason.</summary>
    public (DateTimeOffset? NotBefore, string? SkipReason) When(
        Person person, Unit unit, Period period, CheckInCampaign campaign, CampaignStepKind kind, int number, IReadOnlyCollection<DateRange> leave, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(leave);
        var schedule = calendar.ForCampaign(period, campaign.OpenedAt, calendar.ZoneOf(person.TimeZone, unit.TimeZone));
        var step = schedule.Steps.First(s => s.Kind == kind && s.Number == number);
        if (kind == CampaignStepKind.Open && campaign.OpenedAt < step.At)
        {
            // Opened before the scheduled day (an admin opening the current period so people report as they go):
            // the prompt goes out now, within the person's working hours; reminders still follow the schedule.
            step = step with { At = campaign.OpenedAt, LocalAt = TimeZoneInfo.ConvertTime(campaign.OpenedAt, schedule.TimeZone) };
        }

        var decision = schedule.ShouldSendNow(step, leave, now);
        return decision.Verdict == SendVerdict.Never
            ? (null, leave.Count > 0 && ShouldSkipForLeave(schedule, step, now) ? SkipReasons.OnLeave : SkipReasons.WindowClosed)
            : (decision.At ?? now, null);
    }

    /// <summary>Leave is the reason when, without it, the step would still have had a working hour before the close.</summary>
    private static bool ShouldSkipForLeave(CampaignSchedule schedule, CampaignStep step, DateTimeOffset now) =>
        schedule.ShouldSendNow(step, [], now).Verdict != SendVerdict.Never;
}
