namespace EvalBot.Persistence.Entities;

/// <summary>
/// One version of a person's report for a period. Each submit creates a new version (the previous one stays, marked
/// not current); a draft is edited in place until it is submitted.
/// </summary>
public sealed class CheckInReport : IConcurrencyStamped
{
    public Guid ConcurrencyStamp { get; set; }

    public long Id { get; set; }
    public long PersonId { get; set; }
    public required string Period { get; set; }
    public int Version { get; set; }
    public bool IsCurrent { get; set; } = true;
    public CheckInStatus Status { get; set; }
    public string? SelfCriticism { get; set; }

    /// <summary>Self-assessment of the general criteria, JSON object criterionId → points.</summary>
    public string GeneralJson { get; set; } = "{}";

    /// <summary>The general-criteria points the leader confirmed or set, JSON like <see cref="GeneralJson"/>.</summary>
    public string? ConfirmedGeneralJson { get; set; }
    public DateOnly? WorkStatusFrom { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public long? ReviewedByPersonId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewComment { get; set; }

    /// <summary>The period score under the person's rule-set when last computed (preview on submit, final on confirm).</summary>
    public decimal? Score { get; set; }
    public List<CheckInLine> Lines { get; set; } = [];
}

public enum CheckInStatus
{
    Draft = 0,
    Submitted = 1,
    Confirmed = 2,
    Adjusted = 3,
}

/// <summary>The report on one assigned product.</summary>
public sealed class CheckInLine
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public long TargetId { get; set; }
    public decimal Done { get; set; }
    public decimal QualityOk { get; set; }
    public decimal OnTime { get; set; }
    public string? Evidence { get; set; }

    /// <summary>Failed quality checks and delays the leader recorded; each deducts 25 % unless an objective cause is confirmed.</summary>
    public int FailedChecks { get; set; }
    public int Delays { get; set; }
    public bool ObjectiveCause { get; set; }
    public string? ObjectiveCauseApprover { get; set; }
    public string? ObjectiveCauseDocument { get; set; }

    /// <summary>Why the leader changed the person's figures; required for any adjustment.</summary>
    public string? AdjustReason { get; set; }
}
