using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Classification;

/// <summary>Rules 16 and 35: HTXS needs every shortcoming from the previous review remedied; otherwise the cap is HTT.</summary>
internal static class RemediationRules
{
    public static void Apply(PersonYear input, ClassificationTrace t)
    {
        var r = t.RuleSet;
        if (!r.Overrides.OpenRemediationBlocksExcellent) return;
        var open = input.Remediation.Where(i => i.Status != RemediationStatus.Remedied).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (open.Count == 0) return;
        var ids = string.Join(", ", open.Select(i => i.Id));
        t.Limit(Level.Good, new RuleApplication("R35.remediation", $"{r.Id} Điều 11", [Inputs.Of("openItems", ids), Inputs.Of("total", input.Remediation.Count)],
            RuleEffect.CapsLevel, Level.Good,
            $"Còn {open.Count}/{input.Remediation.Count} hạn chế, khuyết điểm chưa khắc phục xong ({ids}): chưa đủ điều kiện Hoàn thành xuất sắc nhiệm vụ, tối đa Hoàn thành tốt nhiệm vụ.",
            $"{open.Count} of {input.Remediation.Count} earlier shortcomings are not remedied ({ids}): HTXS is not possible, at most HTT."));
    }
}
