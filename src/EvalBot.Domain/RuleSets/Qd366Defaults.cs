using EvalBot.Domain.Records;

namespace EvalBot.Domain.RuleSets;

/// <summary>Regulation 366-QĐ/TW with Guidance 43-HD/BTCTW: the Party-member and collective rating, quarterly and annual.</summary>
public static class Qd366Defaults
{
    /// <summary>The rule-set id.</summary>
    public const string Id = "QD366";

    /// <summary>The defaults read from domain-rules.md §5.</summary>
    public static RuleSet Create() => new(
        Id,
        "2025.1",
        Track.Party,
        Jurisdiction: null,
        "Quy định 366-QĐ/TW; Hướng dẫn 43-HD/BTCTW",
        CommonDefaults.AllPopulations(2025),
        CommonDefaults.Scale30_70,
        CommonDefaults.NationalBands,
        CommonDefaults.PeriodScoring,
        CommonDefaults.RollUp,
        new TaskConditions(
            Excellent: new LevelRequirement(100m, 100m, 30m, null, null),
            Good: new LevelRequirement(100m, 100m, null, null, null),
            Complete: new LevelRequirement(100m, null, null, 20m, null),
            NotCompleteWhenNotCompletedAbovePercent: 50m,
            NotCompleteWhenNotMeetingAbovePercent: null),
        new LeaderSettings(
            UnitConditionsApply: true,
            Excellent: new UnitRequirement(100m, Comparison.AtLeast, 30m, null, null, null),
            Good: new UnitRequirement(100m, Comparison.AtLeast, null, 100m, null, null),
            Complete: new UnitRequirement(100m, Comparison.AtLeast, null, 80m, null, null),
            NotCompleteWhenCompletedBelowPercent: 70m,
            NotCompleteWhenSubUnitsNotCompleteAbovePercent: 50m,
            NotCompleteWhenLowConfidenceAbovePercent: 50m,
            VoteQuorumNumerator: 2,
            VoteQuorumDenominator: 3,
            CorruptionForcesNotComplete: true,
            FailedSocioEconomicTargetsForcesNotComplete: true),
        new OverrideSettings(
            DisciplineForcesNotComplete: true,
            MinimumSeverity: DisciplineSeverity.Reprimand,
            OnlyPublicServiceViolations: true,
            NoDoubleCounting: false,
            DegradationForcesNotComplete: true,
            SuspensionForcesNotCompleteForCivilServants: false,
            OpenRemediationBlocksExcellent: true),
        new TimeInYearSettings(
            NotRatedBelowMonthsWorked: null,
            MaternityExemptFromNotRated: true,
            LeaveCapFromMonths: null,
            LeaveCapBelowMonths: null,
            LeaveCapLevel: Level.Complete,
            NewPartyMemberExcludedBelowMonths: 6m,
            OldUnitCommentRequiredFromMonths: null,
            RequireEveryQuarter: true),
        new QuotaSettings(QuotaMode.ShareOfGood, 20m, 25m, QuotaBase.GoodOnly, QuotaRounding.Floor, PerAgency: true, PerGroup: true),
        Collective: new CollectiveConditions(
            Excellent: new LevelRequirement(100m, 100m, 30m, null, null),
            Good: new LevelRequirement(100m, 100m, null, null, null),
            Complete: new LevelRequirement(100m, null, null, 20m, null),
            ExcellentMinRemediedPercent: 100m,
            DisciplineBlocksExcellent: true,
            MinimumSeverity: DisciplineSeverity.Reprimand,
            NotCompleteWhenCompletedBelowPercent: 70m,
            WrongdoingForcesNotComplete: true,
            DisciplineForcesNotComplete: true,
            DegradationForcesNotComplete: true));
}
