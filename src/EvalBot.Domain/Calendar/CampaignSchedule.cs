using EvalBot.Domain.Records;

namespace EvalBot.Domain.Calendar;

/// <summary>
/// When a period's check-in campaign opens, reminds, escalates and closes for one person, as UTC
/// instants for the scheduler. Days are counted on the working calendar in the person's own zone and
/// every step lands inside working hours, so nobody is prompted at night, at the weekend or at Tết.
/// </summary>
public sealed class CampaignSchedule
{
    private readonly WorkCalendar _calendar;
    private readonly CampaignSettings _settings;

    private CampaignSchedule(Period period, CampaignSettings settings, WorkCalendar calendar, TimeZoneInfo zone, IReadOnlyList<CampaignStep> steps)
    {
        Period = period;
        _settings = settings;
        _calendar = calendar;
        TimeZone = zone;
        Steps = steps;
    }

    /// <summary>The period the campaign collects answers for.</summary>
    public Period Period { get; }

    /// <summary>The person's zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Every step in time order: open, reminders, escalations, close.</summary>
    public IReadOnlyList<CampaignStep> Steps { get; }

    /// <summary>The opening step.</summary>
    public CampaignStep Opens => Steps[0];

    /// <summary>The closing step.</summary>
    public CampaignStep Closes => Steps[^1];

    /// <summary>Computes the steps for a period, a unit's settings and a person's zone.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public static CampaignSchedule For(Period period, CampaignSettings settings, WorkCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(zone);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(settings));
        }

        var planner = new StepPlanner(calendar, settings.WorkingHours, zone);
        var open = planner.Place(calendar.AddWorkingDays(period.End, settings.OpenAfterPeriodEnd), settings.SendAt);
        var openDate = ZonedTime.ToLocal(open, zone).Date;
        var steps = new List<CampaignStep> { planner.Step(CampaignStepKind.Open, 1, open) };
        CampaignStep After(CampaignStepKind kind, int number, int days) =>
            planner.Step(kind, number, planner.Place(calendar.AddWorkingDays(openDate, days), settings.SendAt));

        steps.AddRange(settings.ReminderDays.Select((days, i) => After(CampaignStepKind.Reminder, i + 1, days)));
        if (settings.EscalateToLeaderDay is { } leader)
        {
            steps.Add(After(CampaignStepKind.EscalateToLeader, 1, leader));
        }

        if (settings.EscalateToHeadDay is { } head)
        {
            steps.Add(After(CampaignStepKind.EscalateToHead, 1, head));
        }

        steps.Add(After(CampaignStepKind.Close, 1, settings.CloseDay));
        return new CampaignSchedule(period, settings, calendar, zone, steps);
    }

    /// <summary>
    /// May the step's message go out at <paramref name="now"/> to a person with these leave ranges?
    /// Not before the step, not outside working hours or days, not on leave: then the answer names the
    /// next allowed instant, or <see cref="SendVerdict.Never"/> when that would be at or after the close.
    /// Closing is not a message, so it ignores hours and leave.
    /// </summary>
    public SendDecision ShouldSendNow(CampaignStep step, IReadOnlyCollection<DateRange> leave, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(leave);
        if (step.Kind == CampaignStepKind.Close)
        {
            return now >= step.At ? new SendDecision(SendVerdict.Now, now) : new SendDecision(SendVerdict.Later, step.At);
        }

        var from = now >= step.At ? now : step.At;
        if (from >= Closes.At)
        {
            return SendDecision.Never;
        }

        var planner = new StepPlanner(_calendar, _settings.WorkingHours, TimeZone);
        var allowed = planner.NextAllowed(from, leave, ZonedTime.ToLocal(Closes.At, TimeZone).Date);
        return allowed is not { } at || at >= Closes.At ? SendDecision.Never
            : at == now ? new SendDecision(SendVerdict.Now, now)
            : new SendDecision(SendVerdict.Later, at);
    }
}
