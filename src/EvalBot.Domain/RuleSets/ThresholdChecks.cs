namespace EvalBot.Domain.RuleSets;

/// <summary>Checks that every percentage is a percentage and that the quota and weights are usable.</summary>
internal static class ThresholdChecks
{
    public static void Check(RuleSet r, Action<string, string> fail)
    {
        CheckPeriodScoring(r.PeriodScoring, fail);
        CheckTaskConditions(r.TaskConditions, fail);
        CheckCollective(r.Collective, fail);
        CheckLeader(r.Leader, fail);
        if (r.Overrides is null) fail("overrides", "is required");
        CheckTimeInYear(r.TimeInYear, fail);
        CheckQuota(r.Quota, fail);
    }

    private static void Percentage(string path, decimal? value, Action<string, string> fail)
    {
        if (value is < 0m or > 100m) fail(path, $"{value} is not a percentage (0–100)");
    }

    private static void CheckPeriodScoring(PeriodScoringSettings? p, Action<string, string> fail)
    {
        if (p is null)
        {
            fail("periodScoring", "is required");
            return;
        }

        Percentage("periodScoring.deductionPercent", p.DeductionPercent, fail);
        Percentage("periodScoring.unitResultFullPercent", p.UnitResultFullPercent, fail);
        Percentage("periodScoring.unitResultReducedPercent", p.UnitResultReducedPercent, fail);
        decimal[] weights = [p.QuantityWeight, p.QualityWeight, p.ProgressWeight, p.LeaderUnitResultWeight, p.LeaderOrganisationWeight];
        if (weights.Any(w => w < 0)) fail("periodScoring", "weights cannot be negative");
        if (p.QuantityWeight + p.QualityWeight + p.ProgressWeight <= 0) fail("periodScoring", "quantity, quality and progress weights cannot all be zero");
    }

    /// <summary>Optional: a rule set without task conditions has nothing here to check.</summary>
    private static void CheckTaskConditions(TaskConditions? t, Action<string, string> fail)
    {
        if (t is null) return;
        foreach (var (name, req) in new[] { ("excellent", t.Excellent), ("good", t.Good), ("complete", t.Complete) })
        {
            Percentage($"taskConditions.{name}.minCompletedPercent", req?.MinCompletedPercent, fail);
            Percentage($"taskConditions.{name}.minOnTimeWithQualityPercent", req?.MinOnTimeWithQualityPercent, fail);
            Percentage($"taskConditions.{name}.minExceededPercent", req?.MinExceededPercent, fail);
            Percentage($"taskConditions.{name}.maxLatePercent", req?.MaxLatePercent, fail);
            Percentage($"taskConditions.{name}.maxNotMeetingPercent", req?.MaxNotMeetingPercent, fail);
        }

        Percentage("taskConditions.notCompleteWhenNotCompletedAbovePercent", t.NotCompleteWhenNotCompletedAbovePercent, fail);
        Percentage("taskConditions.notCompleteWhenNotMeetingAbovePercent", t.NotCompleteWhenNotMeetingAbovePercent, fail);
    }

    /// <summary>Optional: a rule-set that rates no collectives has nothing here to check.</summary>
    private static void CheckCollective(CollectiveConditions? c, Action<string, string> fail)
    {
        if (c is null) return;
        foreach (var (name, req) in new[] { ("excellent", c.Excellent), ("good", c.Good), ("complete", c.Complete) })
        {
            if (req is null)
            {
                fail($"collective.{name}", "is required");
                continue;
            }

            Percentage($"collective.{name}.minCompletedPercent", req.MinCompletedPercent, fail);
            Percentage($"collective.{name}.minOnTimeWithQualityPercent", req.MinOnTimeWithQualityPercent, fail);
            Percentage($"collective.{name}.minExceededPercent", req.MinExceededPercent, fail);
            Percentage($"collective.{name}.maxLatePercent", req.MaxLatePercent, fail);
            Percentage($"collective.{name}.maxNotMeetingPercent", req.MaxNotMeetingPercent, fail);
        }

        Percentage("collective.excellentMinRemediedPercent", c.ExcellentMinRemediedPercent, fail);
        Percentage("collective.notCompleteWhenCompletedBelowPercent", c.NotCompleteWhenCompletedBelowPercent, fail);
    }

    private static void CheckLeader(LeaderSettings? l, Action<string, string> fail)
    {
        if (l is null)
        {
            fail("leader", "is required");
            return;
        }

        Percentage("leader.notCompleteWhenCompletedBelowPercent", l.NotCompleteWhenCompletedBelowPercent, fail);
        Percentage("leader.notCompleteWhenSubUnitsNotCompleteAbovePercent", l.NotCompleteWhenSubUnitsNotCompleteAbovePercent, fail);
        Percentage("leader.notCompleteWhenLowConfidenceAbovePercent", l.NotCompleteWhenLowConfidenceAbovePercent, fail);
        if (l.VoteQuorumDenominator <= 0 || l.VoteQuorumNumerator < 0 || l.VoteQuorumNumerator > l.VoteQuorumDenominator)
            fail("leader.voteQuorum", "must be a fraction between 0 and 1");
    }

    private static void CheckTimeInYear(TimeInYearSettings? y, Action<string, string> fail)
    {
        if (y is null)
        {
            fail("timeInYear", "is required");
            return;
        }

        if (y.LeaveCapFromMonths > y.LeaveCapBelowMonths) fail("timeInYear", "leaveCapFromMonths must not exceed leaveCapBelowMonths");
        if (y.NotRatedBelowMonthsWorked is < 0m or > 12m) fail("timeInYear.notRatedBelowMonthsWorked", "must be 0–12 months");
    }

    private static void CheckQuota(QuotaSettings? q, Action<string, string> fail)
    {
        if (q is null)
        {
            fail("quota", "is required");
            return;
        }

        Percentage("quota.percent", q.Percent, fail);
        Percentage("quota.exceptionPercent", q.ExceptionPercent, fail);
        if (q.ExceptionPercent < q.Percent) fail("quota.exceptionPercent", "must not be below quota.percent");
        if (q.Mode == QuotaMode.ShareOfGood && q.Percent <= 0) fail("quota.percent", "must be above 0 for shareOfGood");
        if (q.Mode != QuotaMode.None && !q.PerAgency && !q.PerGroup) fail("quota", "must check per agency, per group, or both");
    }
}
