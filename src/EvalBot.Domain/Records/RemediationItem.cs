namespace EvalBot.Domain.Records;

/// <summary>Status of a shortcoming found at an earlier review (Form 2B part III).</summary>
public enum RemediationStatus
{
    /// <summary>Đã khắc phục.</summary>
    Remedied = 0,

    /// <summary>Đang khắc phục (with a percentage).</summary>
    InProgress = 1,

    /// <summary>Chưa khắc phục.</summary>
    NotRemedied = 2,
}

/// <summary>A shortcoming to remedy; HTXS is blocked while any item is not remedied (Reg. 366 Art. 11).</summary>
/// <param name="Id">Item id.</param>
/// <param name="Owner">Who must remedy it.</param>
/// <param name="Due">Due date.</param>
/// <param name="Status">Current status.</param>
/// <param name="ProgressPercent">Progress when in progress, 0–100.</param>
public sealed record RemediationItem(string Id, string Owner, DateOnly Due, RemediationStatus Status, decimal ProgressPercent = 0);
