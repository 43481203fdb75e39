using EvalBot.Domain.Records;

namespace EvalBot.Domain.RuleSets;

/// <summary>Decree 335/2025/NĐ-CP defaults: scored, continuous evaluation of civil servants from 2026.</summary>
public static class Nd335Defaults
{
    /// <summary>The rule-set id.</summary>
    public const string Id = "ND335";

    /// <summary>The defaults read from domain-rules.md §3; items marked [R] there are listed in docs/rules.md.</summary>
    public static RuleSet Create() => new(
        Id,
        "2026.1",
        Track.State,
        Jurisdiction: null,
        "Nghị định 335/2025/NĐ-CP; Luật 80/2025/QH15 Điều 25–27; Nghị định 170/2025/NĐ-CP",
        [new Applicability(Population.CivilServant, 2026)],
        CommonDefaults.Scale30_70,
        CommonDefaults.NationalBands,
        CommonDefaults.PeriodScoring,
        CommonDefaults.RollUp,
        TaskConditions: null,
        new LeaderSettings(
            UnitConditionsApply: false,
            CommonDefaults.NoUnitRequirement,
            CommonDefaults.NoUnitRequirement,
            CommonDefaults.NoUnitRequirement,
            NotCompleteWhenCompletedBelowPercent: null,
            NotCompleteWhenSubUnitsNotCompleteAbovePercent: null,
            NotCompleteWhenLowConfidenceAbovePercent: null,
            VoteQuorumNumerator: 2,
            VoteQuorumDenominator: 3,
            CorruptionForcesNotComplete: true,
            FailedSocioEconomicTargetsForcesNotComplete: false),
        new OverrideSettings(
            DisciplineForcesNotComplete: true,
            MinimumSeverity: DisciplineSeverity.Reprimand,
            OnlyPublicServiceViolations: true,
            NoDoubleCounting: false,
            DegradationForcesNotComplete: true,
            SuspensionForcesNotCompleteForCivilServants: true,
            OpenRemediationBlocksExcellent: false),
        new TimeInYearSettings(
            NotRatedBelowMonthsWorked: 6m,
            MaternityExemptFromNotRated: true,
            LeaveCapFromMonths: null,
            LeaveCapBelowMonths: null,
            LeaveCapLevel: Level.Complete,
            NewPartyMemberExcludedBelowMonths: null,
            OldUnitCommentRequiredFromMonths: null,
            RequireEveryQuarter: false,
            OldUnitScoresRequired: true),
        new QuotaSettings(QuotaMode.ShareOfGood, 20m, 25m, QuotaBase.GoodOnly, QuotaRounding.Floor, PerAgency: true, PerGroup: true),
        Procedure: ProcedureSettings.Nd335);
}
