namespace EvalBot.Persistence.Entities;

/// <summary>
/// One reviewer asked about one colleague for one period, and (once given) their answer. The answer lives on the
/// request row on purpose: there is no separate answer row whose id or insertion order would tell when it was given,
/// and no submission timestamp anywhere. A new submit overwrites the previous answer until the period closes.
/// </summary>
public sealed class FeedbackRequest
{
    public long Id { get; set; }

    /// <summary>The check-in period the feedback is about (<c>2026-Q1</c> or <c>2026-03</c>).</summary>
    public required string Period { get; set; }
    public long SubjectPersonId { get; set; }
    public long ReviewerPersonId { get; set; }

    /// <summary><c>peer</c>, <c>upward</c> (a direct report about their leader) or <c>added</c> (chosen by a leader or admin).</summary>
    public required string Relation { get; set; }
    public FeedbackStatus Status { get; set; }

    /// <summary>Set when the reviewer skipped for a conflict of interest: the leader may replace them.</summary>
    public bool Flagged { get; set; }

    /// <summary>Ratings per general-criteria group as JSON (<c>{"politics":4,"competence":null}</c>; null = cannot judge).</summary>
    public string? RatingsJson { get; set; }
    public string? Strengths { get; set; }
    public string? Improvements { get; set; }
}

public enum FeedbackStatus
{
    Pending = 0,
    Answered = 1,
    Skipped = 2,

    /// <summary>Replaced by a leader or admin: the reviewer is no longer asked and any answer was cleared.</summary>
    Replaced = 3,
}
