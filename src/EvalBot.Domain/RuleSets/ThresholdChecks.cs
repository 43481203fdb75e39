namespace EvalBot.Domain.RuleSets;

/// <summary>Checks that every percentage is a percentage and that the quota and weights are usable.</summary>
internal static class ThresholdChecks
{
    public static void Check(RuleSet r, Action<string, string> fail)
    {
        void Pct(string path, decimal? value)
        {
            if (value is < 0m or > 100m) fail(path, $"{value} is not a percentage (0–100)");
        }

        if (r.PeriodScoring is { } p)
        {
            Pct("periodScoring.deductionPercent", p.DeductionPercent);
            Pct("periodScoring.unitResultFullPercent", p.UnitResultFullPercent);
            Pct("periodScoring.unitResultReducedPercent", p.UnitResultReducedPercent);
            decimal[] weights = [p.QuantityWeight, p.QualityWeight, p.ProgressWeight, p.LeaderUnitResultWeight, p.LeaderOrganisationWeight];
            if (weights.Any(w => w < 0)) fail("periodScoring", "weights cannot be negative");
            if (p.QuantityWeight + p.QualityWeight + p.ProgressWeight <= 0) fail("periodScoring", "quantity, quality and progress weights cannot all be zero");
        }
        else fail("periodScoring", "is required");

        if (r.TaskConditions is { } t)
        {
            foreach (var (name, req) in new[] { ("excellent", t.Excellent), ("good", t.Good), ("complete", t.Complete) })
            {
                Pct($"taskConditions.{name}.minCompletedPercent", req?.MinCompletedPercent);
                Pct($"taskConditions.{name}.minOnTimeWithQualityPercent", req?.MinOnTimeWithQualityPercent);
                Pct($"taskConditions.{name}.minExceededPercent", req?.MinExceededPercent);
                Pct($"taskConditions.{name}.maxLatePercent", req?.MaxLatePercent);
                Pct($"taskConditions.{name}.maxNotMeetingPercent", req?.MaxNotMeetingPercent);
            }

            Pct("taskConditions.notCompleteWhenNotCompletedAbovePercent", t.NotCompleteWhenNotCompletedAbovePercent);
            Pct("taskConditions.notCompleteWhenNotMeetingAbovePercent", t.NotCompleteWhenNotMeetingAbovePercent);
        }

        if (r.Leader is { } l)
        {
            Pct("leader.notCompleteWhenCompletedBelowPercent", l.NotCompleteWhenCompletedBelowPercent);
            Pct("leader.notCompleteWhenSubUnitsNotCompleteAbovePercent", l.NotCompleteWhenSubUnitsNotCompleteAbovePercent);
            Pct("leader.notCompleteWhenLowConfidenceAbovePercent", l.NotCompleteWhenLowConfidenceAbovePercent);
            if (l.VoteQuorumDenominator <= 0 || l.VoteQuorumNumerator < 0 || l.VoteQuorumNumerator > l.VoteQuorumDenominator)
                fail("leader.voteQuorum", "must be a fraction between 0 and 1");
        }
        else fail("leader", "is required");

        if (r.Overrides is null) fail("overrides", "is required");
        if (r.TimeInYear is { } y)
        {
            if (y.LeaveCapFromMonths > y.LeaveCapBelowMonths) fail("timeInYear", "leaveCapFromMonths must not exceed leaveCapBelowMonths");
            if (y.NotRatedBelowMonthsWorked is < 0m or > 12m) fail("timeInYear.notRatedBelowMonthsWorked", "must be 0–12 months");
        }
        else fail("timeInYear", "is required");

        if (r.Quota is { } q)
        {
            Pct("quota.percent", q.Percent);
            Pct("quota.exceptionPercent", q.ExceptionPercent);
            if (q.ExceptionPercent < q.Percent) fail("quota.exceptionPercent", "must not be below quota.percent");
            if (q.Mode == QuotaMode.ShareOfGood && q.Percent <= 0) fail("quota.percent", "must be above 0 for shareOfGood");
            if (q.Mode != QuotaMode.None && !q.PerAgency && !q.PerGroup) fail("quota", "must check per agency, per group, or both");
        }
        else fail("quota", "is required");
    }
}
