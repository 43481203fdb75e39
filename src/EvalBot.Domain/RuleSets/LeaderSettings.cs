namespace EvalBot.Domain.RuleSets;

/// <summary>What a leader's level needs from the unit they lead; a null bound is not checked.</summary>
/// <param name="MinCompletedPercent">Share of the unit's targets completed.</param>
/// <param name="CompletedComparison">"≥ 100 %" or "&gt; 70 %".</param>
/// <param name="MinExceededPercent">Share of targets exceeded.</param>
/// <param name="MinOnTimePercent">Share on time and with quality.</param>
/// <param name="MinSubUnitsAtLeastCompletePercent">Share of sub-units at HT or better.</param>
/// <param name="MinSubUnitsAtLeastGoodPercent">Share of sub-units at HTT or better.</param>
public sealed record UnitRequirement(
    decimal? MinCompletedPercent,
    Comparison CompletedComparison,
    decimal? MinExceededPercent,
    decimal? MinOnTimePercent,
    decimal? MinSubUnitsAtLeastCompletePercent,
    decimal? MinSubUnitsAtLeastGoodPercent);

/// <summary>Leader rules: unit conditions per level, KHT grounds, and the confidence-vote quorum.</summary>
/// <param name="UnitConditionsApply">Whether the per-level unit conditions are read (ND90_48, QD366).</param>
/// <param name="Excellent">HTXS unit conditions.</param>
/// <param name="Good">HTT unit conditions.</param>
/// <param name="Complete">HT unit conditions.</param>
/// <param name="NotCompleteWhenCompletedBelowPercent">KHT when the unit completes less than this share.</param>
/// <param name="NotCompleteWhenSubUnitsNotCompleteAbovePercent">KHT when more than this share of sub-units is KHT.</param>
/// <param name="NotCompleteWhenLowConfidenceAbovePercent">KHT when a valid vote in the year has more low-confidence ballots than this share.</param>
/// <param name="VoteQuorumNumerator">A vote is valid when present ≥ numerator/denominator of convened (2/3).</param>
/// <param name="VoteQuorumDenominator">See <paramref name="VoteQuorumNumerator"/>.</param>
/// <param name="CorruptionForcesNotComplete">Corruption handled in a directly managed unit forces KHT.</param>
/// <param name="FailedSocioEconomicTargetsForcesNotComplete">Missing the five basic targets forces KHT (QD366).</param>
public sealed record LeaderSettings(
    bool UnitConditionsApply,
    UnitRequirement Excellent,
    UnitRequirement Good,
    UnitRequirement Complete,
    decimal? NotCompleteWhenCompletedBelowPercent,
    decimal? NotCompleteWhenSubUnitsNotCompleteAbovePercent,
    decimal? NotCompleteWhenLowConfidenceAbovePercent,
    int VoteQuorumNumerator,
    int VoteQuorumDenominator,
    bool CorruptionForcesNotComplete,
    bool FailedSocioEconomicTargetsForcesNotComplete);
