using EvalBot.Domain.Explanations;

namespace EvalBot.Domain.Quota;

/// <summary>Agency-wide or one group of similar tasks.</summary>
public enum QuotaScope
{
    /// <summary>The whole agency.</summary>
    Agency = 0,

    /// <summary>One group of similar tasks.</summary>
    Group = 1,
}

/// <summary>The quota result of one scope.</summary>
/// <param name="Scope">Agency or group.</param>
/// <param name="ScopeId">Agency id, or agency/group id.</param>
/// <param name="Staff">People in the scope.</param>
/// <param name="Good">Rated HTT.</param>
/// <param name="Excellent">Rated HTXS.</param>
/// <param name="Cap">Most HTXS allowed.</param>
/// <param name="Excess">HTXS beyond the cap, the lowest ranked first to be reconsidered; ranked by score, highest first.</param>
public sealed record QuotaScopeResult(QuotaScope Scope, string ScopeId, int Staff, int Good, int Excellent, int Cap, IReadOnlyList<QuotaCandidate> Excess);

/// <summary>Whether the unit's list may be finalised, and if not which HTXS candidates exceed the quota.</summary>
/// <param name="CanFinalise">False when any scope is over its cap.</param>
/// <param name="Scopes">Every scope checked, agencies first.</param>
/// <param name="Excess">All candidates over a cap, each once, ranked by score (highest first), then by id.</param>
/// <param name="Applications">Explanations.</param>
public sealed record QuotaOutcome(bool CanFinalise, IReadOnlyList<QuotaScopeResult> Scopes, IReadOnlyList<QuotaCandidate> Excess, IReadOnlyList<RuleApplication> Applications);
