using EvalBot.Domain.Records;

namespace EvalBot.Domain.RuleSets;

/// <summary>Decree 90/2020 as amended by Decree 48/2023: public employees, cadres, and civil servants up to 2025.</summary>
public static class Nd90Defaults
{
    /// <summary>The rule-set id.</summary>
    public const string Id = "ND90_48";

    /// <summary>The defaults read from domain-rules.md §2; the national text rates by conditions, not points.</summary>
    public static RuleSet Create() => new(
        Id,
        "2023.1",
        Track.State,
        Jurisdiction: null,
        "Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP",
        [
            new Applicability(Population.CivilServant, 2020, 2025),
            new Applicability(Population.PublicEmployee, 2020),
            new Applicability(Population.Cadre, 2020),
        ],
        new ScaleSettings(UsesPoints: false, GeneralMax: 30m, TaskMax: 70m, TotalMax: 100m),
        CommonDefaults.NationalBands,
        CommonDefaults.PeriodScoring,
        CommonDefaults.RollUp,
        new TaskConditions(
            Excellent: new LevelRequirement(100m, 100m, 50m, null, null),
            Good: new LevelRequirement(100m, 100m, null, null, null),
            Complete: new LevelRequirement(100m, null, null, null, 20m),
            NotCompleteWhenNotCompletedAbovePercent: 50m,
            NotCompleteWhenNotMeetingAbovePercent: 50m),
        new LeaderSettings(
            UnitConditionsApply: true,
            Excellent: new UnitRequirement(100m, Comparison.AtLeast, 50m, null, 100m, 70m),
            Good: new UnitRequirement(100m, Comparison.AtLeast, null, 80m, 100m, null),
            Complete: new UnitRequirement(70m, Comparison.Above, null, null, 70m, null),
            NotCompleteWhenCompletedBelowPercent: 50m,
            NotCompleteWhenSubUnitsNotCompleteAbovePercent: null,
            NotCompleteWhenLowConfidenceAbovePercent: null,
            VoteQuorumNumerator: 2,
            VoteQuorumDenominator: 3,
            CorruptionForcesNotComplete: true,
            FailedSocioEconomicTargetsForcesNotComplete: false),
        new OverrideSettings(
            DisciplineForcesNotComplete: true,
            MinimumSeverity: DisciplineSeverity.Reprimand,
            OnlyPublicServiceViolations: false,
            NoDoubleCounting: true,
            DegradationForcesNotComplete: true,
            SuspensionForcesNotCompleteForCivilServants: true,
            OpenRemediationBlocksExcellent: false),
        new TimeInYearSettings(
            NotRatedBelowMonthsWorked: 6m,
            MaternityExemptFromNotRated: true,
            LeaveCapFromMonths: 3m,
            LeaveCapBelowMonths: 6m,
            LeaveCapLevel: Level.Complete,
            NewPartyMemberExcludedBelowMonths: null,
            OldUnitCommentRequiredFromMonths: 6m,
            RequireEveryQuarter: false),
        new QuotaSettings(QuotaMode.PartyShare, 0m, null, QuotaBase.GoodOnly, QuotaRounding.Floor, PerAgency: true, PerGroup: true),
        Procedure: ProcedureSettings.Nd90);
}
