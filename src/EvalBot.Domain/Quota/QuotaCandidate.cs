namespace EvalBot.Domain.Quota;

/// <summary>One person's compiled level as the quota sees it.</summary>
/// <param name="PersonId">Who.</param>
/// <param name="AgencyId">The agency (cơ quan) whose totals are capped.</param>
/// <param name="GroupId">The group of similar tasks, capped separately.</param>
/// <param name="Level">The compiled level.</param>
/// <param name="Score">The annual score, used to rank the excess (null when the rule-set has no points).</param>
public sealed record QuotaCandidate(string PersonId, string AgencyId, string GroupId, Level Level, decimal? Score);

/// <summary>
/// A recorded decision of the competent authority allowing the higher "outstanding unit" share. Without an id
/// and an approver it is not a decision and does not count.
/// </summary>
/// <param name="DecisionId">Number of the decision.</param>
/// <param name="ApprovedBy">Who decided.</param>
/// <param name="DecidedOn">Date of the decision.</param>
/// <param name="SharePercent">For ND90_48: the share the authority allowed; ignored when the rule-set fixes the exception share.</param>
public sealed record QuotaExceptionDecision(string DecisionId, string ApprovedBy, DateOnly DecidedOn, decimal? SharePercent = null)
{
    /// <summary>True when the decision is recorded with its id and approver.</summary>
    public bool IsRecorded => !string.IsNullOrWhiteSpace(DecisionId) && !string.IsNullOrWhiteSpace(ApprovedBy);
}
