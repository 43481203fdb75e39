namespace EvalBot.Persistence.Entities;

/// <summary>
/// The peer-feedback round of a period: reviewers chosen and requests queued once, one reminder once. Its dates are
/// about the round, never about any answer.
/// </summary>
public sealed class FeedbackRound
{
    public long Id { get; set; }
    public required string Period { get; set; }

    /// <summary>Set once every request of the opening has been queued; a crash before it is resumed by the next tick.</summary>
    public DateTimeOffset? RequestsQueuedAt { get; set; }
    public DateTimeOffset? RemindersQueuedAt { get; set; }
}
