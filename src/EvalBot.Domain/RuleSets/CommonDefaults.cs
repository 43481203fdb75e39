using EvalBot.Domain.Records;

namespace EvalBot.Domain.RuleSets;

/// <summary>Pieces shared by the national defaults, so the three rule-sets differ only where the law differs.</summary>
internal static class CommonDefaults
{
    public static ScaleSettings Scale30_70 => new(UsesPoints: true, GeneralMax: 30m, TaskMax: 70m, TotalMax: 100m);

    /// <summary>≥ 90 HTXS, ≥ 70 HTT, ≥ 50 HT, else KHT (Decree 335 Art. 20; Reg. 366 Art. 11).</summary>
    public static IReadOnlyList<Band> NationalBands =>
    [
        new Band(Level.Excellent, 90m, Comparison.AtLeast),
        new Band(Level.Good, 70m, Comparison.AtLeast),
        new Band(Level.Complete, 50m, Comparison.AtLeast),
    ];

    /// <summary>Plain mean of quantity, quality and progress; leader components 100 % / 50 % (all weights [R]).</summary>
    public static PeriodScoringSettings PeriodScoring => new(
        DeductionPercent: 25m,
        QuantityWeight: 1m,
        QualityWeight: 1m,
        ProgressWeight: 1m,
        LeaderUnitResultWeight: 1m,
        LeaderOrganisationWeight: 1m,
        UnitResultFullPercent: 100m,
        UnitResultReducedPercent: 50m,
        CapPercentAt100: true);

    public static RollUpSettings RollUp => new(RollUpMethod.MeanOfWorkedPeriods, 2, MidpointRounding.AwayFromZero, ExcludeLeavePeriods: true);

    public static UnitRequirement NoUnitRequirement => new(null, Comparison.AtLeast, null, null, null, null);

    public static IReadOnlyList<Applicability> AllPopulations(int fromYear, int? toYear = null) =>
        [.. Enum.GetValues<Population>().Select(p => new Applicability(p, fromYear, toYear))];
}
