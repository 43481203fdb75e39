using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Classification;

/// <summary>
/// Rules 18–19: under six months worked → not rated (maternity exempt); lawful leave of 3 to under 6 months caps
/// the level at HT; Party members admitted under six months before the review are not reviewed; long sick or
/// maternity leave → rated on the actual results.
/// </summary>
internal static class TimeInYearRules
{
    public static void Apply(PersonYear input, ClassificationTrace t)
    {
        var r = t.RuleSet;
        var s = r.TimeInYear;
        var maternity = input.Leaves.Where(l => l.Kind == LeaveKind.Maternity).Sum(l => l.Months);
        var otherLeave = input.Leaves.Where(l => l.Kind != LeaveKind.Maternity).Sum(l => l.Months);
        var worked = input.MonthsEmployed - maternity - otherLeave;

        if (s.NewPartyMemberExcludedBelowMonths is { } newMember && input.PartyAdmissionDate is { } admitted
            && MonthsBetween(admitted, input.ReviewDate) < newMember)
        {
            t.NotRated(new RuleApplication("R19.new-member", $"{r.Id} Điều 5.2",
                [Inputs.Of("admitted", admitted.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)), Inputs.Of("reviewDate", input.ReviewDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture))],
                RuleEffect.NotRated, null,
                $"Đảng viên mới kết nạp chưa đủ {Fmt.Vi(newMember)} tháng tính đến ngày kiểm điểm: không thuộc diện kiểm điểm, xếp loại năm nay.",
                $"Party member admitted less than {Fmt.En(newMember)} months before the review: not reviewed or rated this year."));
            return;
        }

        if (s.NotRatedBelowMonthsWorked is { } minimum)
        {
            var counted = s.MaternityExemptFromNotRated ? worked + maternity : worked;
            if (counted < minimum)
            {
                t.NotRated(new RuleApplication("R18.under-six-months", $"{r.Id} Điều 2.3",
                    [Inputs.Of("monthsWorked", worked), Inputs.Of("maternityMonths", maternity), Inputs.Of("minimum", minimum)],
                    RuleEffect.NotRated, null,
                    $"Thời gian công tác thực tế {Fmt.Vi(worked)} tháng, dưới {Fmt.Vi(minimum)} tháng (không do nghỉ thai sản): không xếp loại; vẫn phải kiểm điểm thời gian công tác.",
                    $"Worked {Fmt.En(worked)} months, under {Fmt.En(minimum)} (not because of maternity leave): not rated; a review of the time worked is still required."));
                return;
            }
        }

        if (s.LeaveCapFromMonths is { } from && s.LeaveCapBelowMonths is { } below && otherLeave >= from && otherLeave < below)
        {
            t.Limit(s.LeaveCapLevel, new RuleApplication("R18.leave-cap", $"{r.Id} Điều 2.3",
                [Inputs.Of("leaveMonths", otherLeave), Inputs.Of("from", from), Inputs.Of("below", below)],
                RuleEffect.CapsLevel, s.LeaveCapLevel,
                $"Nghỉ theo quy định {Fmt.Vi(otherLeave)} tháng (từ {Fmt.Vi(from)} đến dưới {Fmt.Vi(below)} tháng): không xếp loại cao hơn {s.LeaveCapLevel.NameVi()}.",
                $"Lawful leave of {Fmt.En(otherLeave)} months ({Fmt.En(from)} to under {Fmt.En(below)}): the level cannot exceed {s.LeaveCapLevel.NameEn()}."));
        }

        if (maternity > 0m || input.Leaves.Where(l => l.Kind == LeaveKind.Sick).Sum(l => l.Months) >= 3m)
        {
            t.Add(new RuleApplication("R19.actual-results", $"{r.Id}; HD 43 §7.5; NĐ 90 Điều 2.3",
                [Inputs.Of("maternityMonths", maternity), Inputs.Of("monthsWorked", worked)],
                RuleEffect.Info, null,
                $"Nghỉ ốm hoặc thai sản: đánh giá theo kết quả công tác thực tế ({Fmt.Vi(worked)} tháng làm việc).",
                $"Sick or maternity leave: rated on the actual work results ({Fmt.En(worked)} months worked)."));
        }
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (a month counts once its day is reached).</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to) =>
        ((to.Year - from.Year) * 12) + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
}
