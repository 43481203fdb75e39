namespace EvalBot.Domain.RuleSets;

/// <summary>How a score is compared with a band threshold: "≥ 90" nationally, "over 90" in Hải Phòng.</summary>
public enum Comparison
{
    /// <summary>score ≥ threshold.</summary>
    AtLeast = 0,

    /// <summary>score &gt; threshold.</summary>
    Above = 1,
}

/// <summary>The lowest score that reaches <paramref name="Level"/>.</summary>
/// <param name="Level">The level the band gives.</param>
/// <param name="Threshold">The boundary score.</param>
/// <param name="Comparison">Whether the boundary itself is inside the band.</param>
public sealed record Band(Level Level, decimal Threshold, Comparison Comparison)
{
    /// <summary>True when <paramref name="score"/> reaches this band.</summary>
    public bool Admits(decimal score) => Comparison == Comparison.AtLeast ? score >= Threshold : score > Threshold;

    /// <summary>The comparison as a symbol, for explanations.</summary>
    public string Symbol => Comparison == Comparison.AtLeast ? "≥" : ">";
}
