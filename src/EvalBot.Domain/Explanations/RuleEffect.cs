namespace EvalBot.Domain.Explanations;

/// <summary>What a rule did to the result, so an appeal can see which rule moved the level.</summary>
public enum RuleEffect
{
    /// <summary>Context only; no change.</summary>
    Info = 0,

    /// <summary>Computed or changed a score.</summary>
    Score = 1,

    /// <summary>Left an input out (leave period, uncountable product).</summary>
    Excluded = 2,

    /// <summary>Gave the level from a band or from conditions.</summary>
    SetsLevel = 3,

    /// <summary>Capped the level (it can go no higher).</summary>
    CapsLevel = 4,

    /// <summary>Forced the level whatever the score.</summary>
    ForcesLevel = 5,

    /// <summary>The person is not rated this year.</summary>
    NotRated = 6,

    /// <summary>The rules cannot decide; the competent authority must.</summary>
    NeedsAuthorityDecision = 7,

    /// <summary>An input was rejected.</summary>
    Rejected = 8,

    /// <summary>Something required before the decision is missing.</summary>
    MissingPrerequisite = 9,

    /// <summary>A quota check refused or allowed finalisation.</summary>
    Quota = 10,
}
