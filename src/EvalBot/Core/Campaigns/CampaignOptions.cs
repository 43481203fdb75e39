using EvalBot.Domain.Calendar;

namespace EvalBot.Core;

/// <summary>
/// Configuration section <c>Campaigns</c>: the rhythm of check-in campaigns, in working days from the opening, with
/// the calendar's <see cref="CampaignSettings"/> defaults (open on the first working day after the period at 08:00,
/// remind after 3 and 7 working days, the leader after 8, the head after 10, close after 15).
/// </summary>
public sealed class CampaignOptions
{
    public const string Section = "Campaigns";

    /// <summary>How often the scheduler looks for due campaign steps.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>People per transaction when queuing prompts: a crash loses at most one batch of work, never a send.</summary>
    public int BatchSize { get; set; } = 200;

    public int OpenAfterPeriodEnd { get; set; } = 1;

    /// <summary>
    /// Working days after opening on which non-responders are reminded; unset means 3 and 7. Null by default because the
    /// configuration binder appends to a pre-filled list instead of replacing it.
    /// </summary>
    public int[]? ReminderDays { get; set; }

    /// <summary>Working days after opening to send the direct leader the list of non-responders; 0 for never.</summary>
    public int EscalateToLeaderDay { get; set; } = 8;

    /// <summary>Working days after opening to send the head of unit the list of non-responders; 0 for never.</summary>
    public int EscalateToHeadDay { get; set; } = 10;

    public int CloseDay { get; set; } = 15;

    /// <summary>Local time of day for every step.</summary>
    public TimeOnly SendAt { get; set; } = new(8, 0);

    public TimeOnly WorkingHoursStart { get; set; } = new(8, 0);

    public TimeOnly WorkingHoursEnd { get; set; } = new(17, 0);

    /// <summary>The zone that decides when a campaign as a whole opens and closes; each person is still prompted in their own.</summary>
    public string TimeZone { get; set; } = PersonTimeZone.DefaultId;

    /// <summary>The domain settings these options describe.</summary>
    public CampaignSettings ToSettings() => new()
    {
        OpenAfterPeriodEnd = OpenAfterPeriodEnd,
        ReminderDays = ReminderDays is { Length: > 0 } days ? [.. days] : new CampaignSettings().ReminderDays,
        EscalateToLeaderDay = EscalateToLeaderDay > 0 ? EscalateToLeaderDay : null,
        EscalateToHeadDay = EscalateToHeadDay > 0 ? EscalateToHeadDay : null,
        CloseDay = CloseDay,
        SendAt = SendAt,
        WorkingHours = new WorkingHours { Start = WorkingHoursStart, End = WorkingHoursEnd },
    };

    /// <summary>Problems that stop start-up; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(ToSettings().Validate());
        if (TickInterval < TimeSpan.FromSeconds(10))
        {
            errors.Add("Campaigns:TickInterval must be at least 10 seconds.");
        }

        if (BatchSize is < 1 or > 5000)
        {
            errors.Add("Campaigns:BatchSize must be between 1 and 5000.");
        }

        if (!PersonTimeZone.TryResolve(TimeZone, out _))
        {
            errors.Add($"Campaigns:TimeZone '{TimeZone}' is not a known IANA time zone.");
        }

        return errors;
    }
}
