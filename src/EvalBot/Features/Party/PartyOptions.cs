namespace EvalBot.Features.Party;

/// <summary>The Party track's settings (section <c>Party</c>), each with the default of Regulation 366 and Guidance 43.</summary>
public sealed class PartyOptions
{
    public const string Section = "Party";

    /// <summary>Working days between sending a collective's draft report to the participants and its review meeting (rule 34).</summary>
    public int DraftWorkingDaysBeforeMeeting { get; set; } = 3;

    /// <summary>Whether a member's decision needs the residence party committee's comment, or a recorded reason (rule 37, QĐ366 Art. 17).</summary>
    public bool RequireResidenceComment { get; set; } = true;

    /// <summary>
    /// Months a member must have worked at their old unit in the year, before a transfer dated in the year, for the old
    /// unit's comment to be required before the decision (rule 37). 0: after any transfer in the year.
    /// </summary>
    public int OldUnitCommentMinMonths { get; set; }

    /// <summary>Consecutive HTXS years that flag a member for a higher award (rule 41, Guidance 06 §19.2).</summary>
    public int HigherAwardConsecutiveYears { get; set; } = Domain.Tracks.PartyCommendations.DefaultConsecutiveYears;

    /// <summary>The day the year's Party review and rating is due, as MM-dd (31 December; a special unit: 01-15, in the next year).</summary>
    public string Deadline { get; set; } = "12-31";

    /// <summary>The deadline of a special unit's ratings (Guidance 43 §4: 15 January of the next year), as MM-dd.</summary>
    public string SpecialDeadline { get; set; } = "01-15";

    /// <summary>Days before the deadline on which each holder of a pending step is reminded.</summary>
    public List<int> ReminderDaysBefore { get; set; } = [7, 3, 1];

    /// <summary>When the reminder job runs (Quartz cron, in the organisation's time zone): every day at 08:15 by default.</summary>
    public string ReminderCron { get; set; } = "0 15 8 * * ?";

    /// <summary>The deadline of the review of <paramref name="year"/>: a day from January to June falls in the next year.</summary>
    public DateOnly DeadlineOf(int year, bool special = false)
    {
        var day = DateOnly.ParseExact("2000-" + (special ? SpecialDeadline : Deadline), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new DateOnly(day.Month <= 6 ? year + 1 : year, day.Month, day.Day);
    }
}
