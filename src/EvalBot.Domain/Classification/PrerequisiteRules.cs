using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Classification;

/// <summary>
/// Records that must exist before the decision: the old unit's written comment after six months or more there
/// (rule 20, Decree 90 Art. 20), and a quarterly record or a justification for every quarter (rule 9, Reg. 366 Art. 15.1).
/// </summary>
internal static class PrerequisiteRules
{
    public static void Apply(PersonYear input, ClassificationTrace t)
    {
        var r = t.RuleSet;
        if (r.TimeInYear.OldUnitCommentRequiredFromMonths is { } months)
        {
            foreach (var tr in input.Transfers.Where(x => x.Date.Year == input.Year).OrderBy(x => x.Date))
            {
                if (tr.MonthsAtOldUnit < months || !tr.OldUnitStillExists || tr.OldUnitCommentReceived) continue;
                t.Prerequisite(new RuleApplication("R20.old-unit-comment", $"{r.Id} Điều 20",
                    [Inputs.Of("fromUnit", tr.FromUnitId), Inputs.Of("monthsAtOldUnit", tr.MonthsAtOldUnit)], RuleEffect.MissingPrerequisite, null,
                    $"Đã công tác {Fmt.Vi(tr.MonthsAtOldUnit)} tháng tại đơn vị cũ {tr.FromUnitId}: cần ý kiến bằng văn bản của đơn vị cũ trước khi quyết định.",
                    $"Worked {Fmt.En(tr.MonthsAtOldUnit)} months at the old unit {tr.FromUnitId}: its written comment is required before the decision."));
            }
        }

        if (!r.TimeInYear.RequireEveryQuarter) return;
        var present = input.Periods.Where(p => p.Period.Kind == PeriodKind.Quarter).Select(p => p.Period.Index).ToHashSet();
        var missing = Enumerable.Range(1, 4).Where(q => !present.Contains(q) && !input.JustifiedMissingQuarters.Contains(q)).ToList();
        if (missing.Count == 0) return;
        var list = string.Join(", ", missing.Select(q => "Q" + Fmt.Raw(q)));
        var keys = missing.Select(q => $"{Fmt.Raw(input.Year)}-Q{Fmt.Raw(q)}").ToList();
        t.Prerequisite(new RuleApplication("R09.quarters", $"{r.Id} Điều 15.1", [Inputs.Of("missingQuarters", list)], RuleEffect.MissingPrerequisite, null,
            $"Thiếu kết quả đánh giá quý ({string.Join(", ", keys.Select(PeriodNames.Vi))}) và không có giải trình: chưa thể hoàn tất xếp loại năm.",
            $"Quarterly results are missing ({string.Join(", ", keys.Select(PeriodNames.En))}) with no justification: the annual rating cannot be finalised."));
    }
}
