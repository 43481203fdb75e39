using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Scoring;

/// <summary>
/// Rule 5: the period task score from converted products (quantity, quality, progress), with the 25 % deductions
/// per failed check or delay unless an objective cause is confirmed, plus the general-criteria points.
/// </summary>
public static class PeriodScorer
{
    /// <summary>Scores one period. Unquantified products are not counted and are listed (rule 6).</summary>
    public static PeriodScore Score(PeriodReport report, RuleSet ruleSet, bool isLeader)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (report.ImportedTotal is { } imported) return Imported(report, imported, ruleSet);
        var trace = new List<RuleApplication>();
        var counted = new List<ProductReport>();
        foreach (var p in report.Products.OrderBy(p => p.Product.Id, StringComparer.Ordinal))
        {
            var missing = ProductQuantification.Missing(p.Product);
            if (missing.Count == 0) { counted.Add(p); continue; }
            var list = string.Join(", ", missing);
            trace.Add(new RuleApplication(
                "R06.quantified", "Luật 80/2025 Điều 25.1(b); NĐ 335 Điều 14", [Inputs.Of("product", p.Product.Id), Inputs.Of("missing", list)],
                RuleEffect.Excluded, null,
                $"Sản phẩm {p.Product.Shown(false)} không được tính vì chưa lượng hóa đủ: thiếu {string.Join(", ", missing.Select(m => ProductQuantification.Label(m, false)))}.",
                $"Product {p.Product.Shown(true)} is not counted because it is not fully quantified: {string.Join(", ", missing.Select(m => ProductQuantification.Label(m, true)))} missing."));
        }

        var assigned = counted.Sum(p => p.Product.Quantity!.Value * p.Product.ConversionFactor!.Value);
        decimal quantity = 0m, quality = 0m, progress = 0m;
        if (assigned > 0m)
        {
            foreach (var p in counted)
            {
                var f = p.Product.ConversionFactor!.Value * 100m / assigned;
                quantity += p.Done * f;
                quality += ProductPoints.AfterDeductions(p.QualityPassed * f, p.FailedQualityChecks, p, ruleSet, "failedQualityChecks", trace);
                progress += ProductPoints.AfterDeductions(p.OnTime * f, p.Delays, p, ruleSet, "delays", trace);
            }
        }

        var s = ruleSet.PeriodScoring;
        if (s.CapPercentAt100) (quantity, quality, progress) = (Math.Min(100m, quantity), Math.Min(100m, quality), Math.Min(100m, progress));
        var weighted = (s.QuantityWeight * quantity) + (s.QualityWeight * quality) + (s.ProgressWeight * progress);
        var weights = s.QuantityWeight + s.QualityWeight + s.ProgressWeight;
        if (isLeader && report.Leader is { } leader)
        {
            var unit = LeaderComponents.UnitResultPercent(leader.SubordinateLevels, s);
            weighted += (s.LeaderUnitResultWeight * unit) + (s.LeaderOrganisationWeight * leader.OrganisationPercent);
            weights += s.LeaderUnitResultWeight + s.LeaderOrganisationWeight;
            trace.Add(new RuleApplication(
                "R05.leader", $"{ruleSet.Id} Điều 15–16",
                [Inputs.Of("unitResultPercent", unit), Inputs.Of("organisationPercent", leader.OrganisationPercent)],
                RuleEffect.Score, null,
                $"Lãnh đạo: kết quả đơn vị {Fmt.Vi(unit)}% (100% nếu mọi công chức thuộc quyền từ Hoàn thành nhiệm vụ trở lên, 50% nếu có người Không hoàn thành), tổ chức thực hiện {Fmt.Vi(leader.OrganisationPercent)}%.",
                $"Leader: unit result {Fmt.En(unit)}% (100% if every subordinate is HT or better, 50% if any is KHT), organisation {Fmt.En(leader.OrganisationPercent)}%."));
        }

        var taskPercent = weights == 0m ? 0m : weighted / weights;
        var taskPoints = taskPercent * ruleSet.Scale.TaskMax / 100m;
        var total = report.GeneralScore + taskPoints;
        trace.Add(new RuleApplication(
            "R05.period", $"{ruleSet.Id} Điều 12, 14",
            [Inputs.Of("period", report.Period.Label), Inputs.Of("quantityPercent", quantity), Inputs.Of("qualityPercent", quality), Inputs.Of("progressPercent", progress), Inputs.Of("taskPoints", taskPoints), Inputs.Of("generalPoints", report.GeneralScore)],
            RuleEffect.Score, null,
            $"{PeriodNames.Vi(report.Period.Label)}: số lượng {Fmt.Vi(quantity)}%, chất lượng {Fmt.Vi(quality)}%, tiến độ {Fmt.Vi(progress)}% → kết quả nhiệm vụ {Fmt.Vi(taskPoints)}/{Fmt.Vi(ruleSet.Scale.TaskMax)}; tiêu chí chung {Fmt.Vi(report.GeneralScore)}/{Fmt.Vi(ruleSet.Scale.GeneralMax)}; tổng {Fmt.Vi(total)}.",
            $"{PeriodNames.En(report.Period.Label)}: quantity {Fmt.En(quantity)}%, quality {Fmt.En(quality)}%, progress {Fmt.En(progress)}% → task results {Fmt.En(taskPoints)}/{Fmt.En(ruleSet.Scale.TaskMax)}; general criteria {Fmt.En(report.GeneralScore)}/{Fmt.En(ruleSet.Scale.GeneralMax)}; total {Fmt.En(total)}."));
        return new PeriodScore(report.Period, report.Status, quantity, quality, progress, taskPercent, taskPoints, report.GeneralScore, total, trace) { Counted = counted.Count > 0 };
    }

    /// <summary>Rule 20 (Decree 335 Art. 21): a period the old unit scored and sent; its total is averaged as it is.</summary>
    private static PeriodScore Imported(PeriodReport report, decimal total, RuleSet ruleSet)
    {
        var task = total - report.GeneralScore;
        var from = report.ImportedFromUnitId ?? report.Period.UnitId;
        var app = new RuleApplication(
            "R20.old-unit-score", $"{ruleSet.Id} Điều 21",
            [Inputs.Of("period", report.Period.Label), Inputs.Of("fromUnit", from), Inputs.Of("total", total), Inputs.Of("generalPoints", report.GeneralScore)],
            RuleEffect.Score, null,
            $"{PeriodNames.Vi(report.Period.Label)}: điểm do đơn vị cũ {from} chấm và gửi sang, tổng {Fmt.Vi(total)}/{Fmt.Vi(ruleSet.Scale.GeneralMax + ruleSet.Scale.TaskMax)}.",
            $"{PeriodNames.En(report.Period.Label)}: scored and sent by the old unit {from}, total {Fmt.En(total)}/{Fmt.En(ruleSet.Scale.GeneralMax + ruleSet.Scale.TaskMax)}.");
        var percent = ruleSet.Scale.TaskMax == 0m ? 0m : task * 100m / ruleSet.Scale.TaskMax;
        return new PeriodScore(report.Period, report.Status, 0m, 0m, 0m, percent, task, report.GeneralScore, total, [app]) { Counted = true };
    }
}
