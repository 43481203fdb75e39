using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Classification;

/// <summary>Whether the rules produced a level.</summary>
public enum ClassificationStatus
{
    /// <summary>A level was given.</summary>
    Rated = 0,

    /// <summary>The person is not rated this year (under six months, newly admitted Party member, no period worked).</summary>
    NotRated = 1,

    /// <summary>The rules cannot decide; the competent authority must, and the system does not guess.</summary>
    NeedsAuthorityDecision = 2,

    /// <summary>An input was out of bounds; nothing was rated.</summary>
    Rejected = 3,
}

/// <summary>
/// The verdict on a person's year, with every rule that was applied, in order, so the person or an appeal
/// can see why. The rule-set id and version are kept with the result.
/// </summary>
/// <param name="Status">Rated, not rated, needs a decision, or rejected.</param>
/// <param name="Level">The level when rated.</param>
/// <param name="Score">The annual score when the rule-set uses points.</param>
/// <param name="RuleSetId">Rule-set used.</param>
/// <param name="RuleSetVersion">Its version.</param>
/// <param name="Applications">Rules applied, in the order they were applied.</param>
public sealed record ClassificationResult(
    ClassificationStatus Status,
    Level? Level,
    decimal? Score,
    string RuleSetId,
    string RuleSetVersion,
    IReadOnlyList<RuleApplication> Applications)
{
    /// <summary>The best level the rules would still allow when a decision is needed (a hint for the authority, not a verdict).</summary>
    public Level? HighestAllowedLevel { get; init; }

    /// <summary>Documents or records required before the decision (old unit's comment, quarterly records).</summary>
    public IReadOnlyList<RuleApplication> MissingPrerequisites { get; init; } = [];

    /// <summary>Violations this result counted, to be stored so a later decision for the same act is not counted again.</summary>
    public IReadOnlyList<CountedViolation> CountedViolations { get; init; } = [];

    /// <summary>True when the result may be finalised: rated or not rated, with no missing prerequisite.</summary>
    public bool CanFinalise => Status is ClassificationStatus.Rated or ClassificationStatus.NotRated && MissingPrerequisites.Count == 0;
}
