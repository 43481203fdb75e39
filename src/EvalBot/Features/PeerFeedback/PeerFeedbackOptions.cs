namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Configuration section <c>PeerFeedback</c>: who is asked, how many answers make a view visible, and what the
/// feedback may weigh. Checked at start-up (<see cref="PeerFeedbackOptionsValidation"/>).
/// </summary>
public sealed class PeerFeedbackOptions
{
    public const string Section = "PeerFeedback";

    /// <summary>Run rounds on the schedule (requests and reminders). The commands and cards work either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>K: reviewers asked about each person per period.</summary>
    public int ReviewersPerPerson { get; set; } = 3;

    /// <summary>K per unit, by the unit's external id, overriding <see cref="ReviewersPerPerson"/>.</summary>
    public Dictionary<string, int> ReviewersPerPersonByUnit { get; set; } = new(StringComparer.Ordinal);

    /// <summary>M: the most requests one reviewer gets in a period.</summary>
    public int MaxRequestsPerReviewer { get; set; } = 4;

    /// <summary>Leaders are also reviewed by their direct reports (upward feedback).</summary>
    public bool UpwardForLeaders { get; set; } = true;

    /// <summary>k: the fewest answers (from people other than the viewer) before anything is shown. Never below 2.</summary>
    public int MinAnswers { get; set; } = 3;

    /// <summary>Longest strengths or improvements text, in characters.</summary>
    public int MaxTextLength { get; set; } = 1000;

    /// <summary>The check-in campaign reminder (1-based) with which unanswered requests are reminded; 0 for none.</summary>
    public int ReminderWithCampaignReminder { get; set; } = 1;

    /// <summary>How often the scheduler looks for rounds to open or remind.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Weight of peer feedback in a period's points. Must stay 0: no national rule-set maps 360° input to points
    /// (domain rules §6, rule 37); it is evidence for the leader. A non-zero weight stops start-up.
    /// </summary>
    public decimal PointsWeight { get; set; }

    public int ReviewersFor(string unitExternalId) =>
        ReviewersPerPersonByUnit.TryGetValue(unitExternalId, out var k) ? k : ReviewersPerPerson;
}
