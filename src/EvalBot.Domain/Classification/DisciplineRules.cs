using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Classification;

/// <summary>
/// Rules 10–12: a sanction decided in the year forces KHT. Under Decree 90/48 a violation already counted in an
/// earlier year (by its violation id) is not counted again, and Party and administrative sanctions for one act count once.
/// </summary>
internal static class DisciplineRules
{
    public static void Apply(PersonYear input, ClassificationTrace t)
    {
        var r = t.RuleSet;
        var o = r.Overrides;
        if (!o.DisciplineForcesNotComplete) return;
        var source = $"{r.Id} ({r.LegalBasis})";
        var earlier = input.AlreadyCounted.Where(c => c.Year < input.Year).Select(c => c.ViolationId)
            .Concat(input.Disciplines.Where(d => d.DecisionDate.Year < input.Year).Select(d => d.ViolationId))
            .ToHashSet(StringComparer.Ordinal);
        var inYear = input.Disciplines
            .Where(d => d.DecisionDate.Year == input.Year && d.Severity >= o.MinimumSeverity)
            .Where(d => !o.OnlyPublicServiceViolations || d.IsPublicServiceViolation)
            .OrderBy(d => d.DecisionDate).ThenBy(d => d.ViolationId, StringComparer.Ordinal).ThenBy(d => d.Kind)
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in inYear)
        {
            var date = d.DecisionDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            RuleInput[] inputs = [Inputs.Of("violationId", d.ViolationId), Inputs.Of("kind", d.Kind.ToString()), Inputs.Of("severity", d.Severity.ToString()), Inputs.Of("decisionDate", date)];
            if (o.NoDoubleCounting && earlier.Contains(d.ViolationId))
            {
                t.Add(new RuleApplication("R12.no-double-count", $"{r.Id} Điều 2.5.b–c", inputs, RuleEffect.Info, null,
                    $"Quyết định kỷ luật ngày {date} cho vi phạm {d.ViolationId} đã được tính để xếp loại Không hoàn thành nhiệm vụ ở năm trước: không tính lại năm nay.",
                    $"The sanction of {date} for violation {d.ViolationId} was already counted for a KHT in an earlier year: not counted again."));
                continue;
            }

            if (!seen.Add(d.ViolationId)) continue;
            t.Counted(new CountedViolation(d.ViolationId, input.Year));
            var rule = o.NoDoubleCounting ? "R11.discipline" : "R10.discipline";
            t.Force(new RuleApplication(rule, source, inputs, RuleEffect.ForcesLevel, Level.NotComplete,
                $"Bị kỷ luật ({KindVi(d.Kind)}, {SeverityVi(d.Severity)}) theo quyết định ngày {date} trong năm đánh giá: Không hoàn thành nhiệm vụ, bất kể điểm số.",
                $"Disciplined ({d.Kind}, {d.Severity}) by a decision of {date} in the evaluation year: not complete, whatever the score."));
        }
    }

    private static string KindVi(DisciplineKind k) => k == DisciplineKind.Party ? "kỷ luật Đảng" : "kỷ luật hành chính";

    private static string SeverityVi(DisciplineSeverity s) => s switch
    {
        DisciplineSeverity.Reprimand => "khiển trách",
        DisciplineSeverity.Warning => "cảnh cáo",
        DisciplineSeverity.SalaryDowngrade => "hạ bậc lương",
        DisciplineSeverity.Demotion => "giáng chức",
        DisciplineSeverity.RemovalFromPost => "cách chức",
        DisciplineSeverity.Dismissal => "buộc thôi việc",
        _ => "khai trừ",
    };
}
