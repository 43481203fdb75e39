namespace EvalBot.Domain.RuleSets;

/// <summary>
/// How a period's task percentages become task points (Decree 335 Art. 14–16). The combination weights are
/// not confirmed in the sources, so they are configuration (default: plain mean).
/// </summary>
/// <param name="DeductionPercent">Share of a product's points lost per failed check or delay (25).</param>
/// <param name="QuantityWeight">Weight of quantity %.</param>
/// <param name="QualityWeight">Weight of quality %.</param>
/// <param name="ProgressWeight">Weight of progress %.</param>
/// <param name="LeaderUnitResultWeight">Weight of the leader's unit-result component (0 to leave it out).</param>
/// <param name="LeaderOrganisationWeight">Weight of the leader's organisation component (0 to leave it out).</param>
/// <param name="UnitResultFullPercent">Unit component when every subordinate is HT or better (100).</param>
/// <param name="UnitResultReducedPercent">Unit component when any subordinate is KHT (50).</param>
/// <param name="CapPercentAt100">Over-delivery does not push a component above 100 %.</param>
public sealed record PeriodScoringSettings(
    decimal DeductionPercent,
    decimal QuantityWeight,
    decimal QualityWeight,
    decimal ProgressWeight,
    decimal LeaderUnitResultWeight,
    decimal LeaderOrganisationWeight,
    decimal UnitResultFullPercent,
    decimal UnitResultReducedPercent,
    bool CapPercentAt100);
