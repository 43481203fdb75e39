namespace EvalBot.Persistence.Entities;

/// <summary>A shortcoming to remedy (hạn chế, khuyết điểm), with an owner and a due date; open items block HTXS.</summary>
public sealed class RemediationItemRow
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public required string Text { get; set; }
    public long OwnerPersonId { get; set; }
    public DateOnly DueDate { get; set; }

    /// <summary><c>open</c>, <c>in_progress</c>, <c>remedied</c> or <c>not_remedied</c>.</summary>
    public string Status { get; set; } = "open";
    public int ProgressPercent { get; set; }
    public required string RaisedInPeriod { get; set; }
    public long CreatedByPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
