namespace EvalBot.Features.Classification;

/// <summary>
/// Configuration section <c>Classification</c>: when the year-end compile runs and when heads are reminded of the legal
/// deadlines. Cron expressions are read in <see cref="TimeZone"/> (Vietnam has no clock changes).
/// </summary>
public sealed class ClassificationOptions
{
    public const string Section = "Classification";

    /// <summary>The compile of the current year: 1 December at 08:00 by default.</summary>
    public string CompileCron { get; set; } = "0 0 8 1 12 ?";

    /// <summary>When reminders are considered: every day at 08:30 in December by default.</summary>
    public string ReminderCron { get; set; } = "0 30 8 * 12 ?";

    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Days before a deadline on which an undecided head is reminded.</summary>
    public List<int> ReminderDaysBefore { get; set; } = [7, 3, 1];

    /// <summary>The state rating deadline (Decree 90 Art. 20, Decree 335), as MM-dd.</summary>
    public string StateDeadline { get; set; } = "12-15";

    /// <summary>
    /// Whether a decision waits for the annual review's steps of the person's rule-set and the required opinions (rules
    /// 23, 37). <c>true</c>: always; <c>false</c>: never; unset (the default): for each person whose review of the year is
    /// held in EvalBot (their unit's meeting opened, their self-assessment or an opinion on them recorded), so an agency
    /// that still keeps the review on paper is not blocked, and one that holds it in Teams cannot skip a step.
    /// </summary>
    public bool? RequireReviewSteps { get; set; }

    /// <summary>
    /// Whether the compile sends each person with a draft their annual self-assessment card (rule 23), once per year.
    /// </summary>
    public bool SelfAssessmentAtCompile { get; set; } = true;

    /// <summary>
    /// Self-assessment cards read, rendered and written at a time by the compile: two slices are in memory at once (one
    /// written while the next is rendered), so a province's cards never are.
    /// </summary>
    public int SelfAssessmentSlice { get; set; } = 500;

    /// <summary>The QĐ366 Party review deadline (Guidance 43 §4), as MM-dd; sent to heads whose list has Party members.</summary>
    public string PartyDeadline { get; set; } = "12-31";
}
