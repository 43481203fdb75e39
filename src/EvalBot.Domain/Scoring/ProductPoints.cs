using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Scoring;

/// <summary>Per-product quality and progress points with the 25 % deductions (Decree 335 Art. 14).</summary>
internal static class ProductPoints
{
    /// <summary>
    /// The product's points after deductions: points × (1 − deduction% × count), never below zero.
    /// A valid objective-cause exemption (approver and document) waives the deduction.
    /// </summary>
    public static decimal AfterDeductions(
        decimal points, int count, ProductReport report, RuleSet ruleSet, string what, List<RuleApplication> trace)
    {
        if (count <= 0) return points;
        var (id, vi, en) = (report.Product.Id, report.Product.Shown(false), report.Product.Shown(true));
        if (report.Exemption is { IsValid: true } ex)
        {
            trace.Add(new RuleApplication(
                "R05.exemption", $"{ruleSet.Id} Điều 14",
                [Inputs.Of("product", id), Inputs.Of(what, count), Inputs.Of("approver", ex.Approver), Inputs.Of("document", ex.DocumentRef)],
                RuleEffect.Info, null,
                $"Sản phẩm {vi}: không trừ điểm {ViName(what)} do nguyên nhân khách quan được {ex.Approver} xác nhận (văn bản {ex.DocumentRef}).",
                $"Product {en}: no {EnName(what)} deduction, objective cause confirmed by {ex.Approver} (document {ex.DocumentRef})."));
            return points;
        }

        var cut = points * ruleSet.PeriodScoring.DeductionPercent / 100m * count;
        var after = Math.Max(0m, points - cut);
        var (noteVi, noteEn) = report.Exemption is null ? ("", "") : (" (miễn trừ thiếu người xác nhận hoặc văn bản)", " (the exemption lacks an approver or a document)");
        trace.Add(new RuleApplication(
            "R05.deduction", $"{ruleSet.Id} Điều 14",
            [Inputs.Of("product", id), Inputs.Of(what, count), Inputs.Of("deductionPercent", ruleSet.PeriodScoring.DeductionPercent), Inputs.Of("points", points), Inputs.Of("after", after)],
            RuleEffect.Score, null,
            $"Sản phẩm {vi}: trừ {Fmt.Vi(ruleSet.PeriodScoring.DeductionPercent)}% điểm {ViName(what)} cho mỗi lần ({count} lần), còn {Fmt.Vi(after)}{noteVi}.",
            $"Product {en}: {Fmt.En(ruleSet.PeriodScoring.DeductionPercent)}% of its {EnName(what)} points deducted per occurrence ({count}), leaving {Fmt.En(after)}{noteEn}."));
        return after;
    }

    private static string ViName(string what) => what == "failedQualityChecks" ? "chất lượng" : "tiến độ";

    private static string EnName(string what) => what == "failedQualityChecks" ? "quality" : "timeliness";
}
