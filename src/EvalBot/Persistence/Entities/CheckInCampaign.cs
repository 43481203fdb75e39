namespace EvalBot.Persistence.Entities;

/// <summary>
/// A reporting period that has been opened (by the schedule or by the admin API). People can report for it until it
/// closes; reports are then read-only.
/// </summary>
public sealed class CheckInCampaign
{
    public long Id { get; set; }

    /// <summary><c>2026-Q1</c> or <c>2026-03</c>; one campaign per period.</summary>
    public required string Period { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary><c>schedule</c>, <c>admin</c>, <c>board</c> (the board card) or <c>demo</c>.</summary>
    public required string OpenedBy { get; set; }

    /// <summary>Set once every prompt of the opening has been queued, so a crash mid-campaign is resumed.</summary>
    public DateTimeOffset? PromptsQueuedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset instant) => ClosedAt is null && instant >= OpenedAt && instant < ClosesAt;
}
