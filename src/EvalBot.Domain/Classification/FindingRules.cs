using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Classification;

/// <summary>Rule 13: a degradation finding in the year forces KHT (all rule-sets); a suspension does for a civil servant (Decree 170).</summary>
internal static class FindingRules
{
    public static void Apply(PersonYear input, ClassificationTrace t)
    {
        var r = t.RuleSet;
        var source = $"{r.Id} ({r.LegalBasis})";
        if (r.Overrides.DegradationForcesNotComplete)
        {
            foreach (var f in input.Findings.Where(f => f.Date.Year == input.Year).OrderBy(f => f.Date).ThenBy(f => f.Reference, StringComparer.Ordinal))
            {
                t.Force(new RuleApplication("R13.degradation", source, [Inputs.Of("reference", f.Reference)], RuleEffect.ForcesLevel, Level.NotComplete,
                    $"Có kết luận của cấp có thẩm quyền về suy thoái tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\" ({f.Reference}): Không hoàn thành nhiệm vụ.",
                    $"A competent-authority finding of degradation or \"self-evolution\" ({f.Reference}): not complete."));
            }
        }

        if (r.Overrides.SuspensionForcesNotCompleteForCivilServants && input.Person.Population == Population.CivilServant)
        {
            foreach (var s in input.Suspensions.Where(s => s.Date.Year == input.Year).OrderBy(s => s.Date).ThenBy(s => s.Reference, StringComparer.Ordinal))
            {
                t.Force(new RuleApplication("R13.suspension", $"{r.Id}; NĐ 170/2025", [Inputs.Of("reference", s.Reference)], RuleEffect.ForcesLevel, Level.NotComplete,
                    $"Bị tạm đình chỉ công tác trong năm ({s.Reference}): Không hoàn thành nhiệm vụ.",
                    $"Temporarily suspended from work in the year ({s.Reference}): not complete."));
            }
        }
    }
}
