using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Sheets;

/// <summary>
/// Rule 4 for a score sheet (biểu điểm): its general criteria add up to the rule-set's general maximum and its task
/// criteria to the task maximum (30/70 under ND335, 20/80 under the Hải Phòng overlay, read from the rule-set's scale);
/// no criterion is worth nothing; a sheet a leader is scored on carries the leader components of Decree 335 Art. 15–16
/// (the unit's results and the organisation of implementation).
/// </summary>
public static class ScoreSheetRules
{
    /// <summary>The problems of <paramref name="criteria"/> on <paramref name="scale"/>; empty when the sheet may be used.</summary>
    public static IReadOnlyList<SheetProblem> Check(IReadOnlyList<SheetCriterion> criteria, ScaleSettings scale, bool appliesToLeader)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(scale);
        var problems = new List<SheetProblem>();
        foreach (var c in criteria.Where(c => c.Max <= 0m))
        {
            problems.Add(new($"Tiêu chí {c.Id}: điểm tối đa phải lớn hơn 0.", $"Criterion {c.Id}: the maximum must be above 0."));
        }

        var general = criteria.Where(c => c.Group == CriterionGroup.General).Sum(c => c.Max);
        var task = criteria.Where(c => c.Group == CriterionGroup.Task).Sum(c => c.Max);
        if (general != scale.GeneralMax)
        {
            problems.Add(new(
                $"Tổng điểm tối đa các tiêu chí chung là {Fmt.Vi(general)}, phải bằng {Fmt.Vi(scale.GeneralMax)}.",
                $"The general criteria add up to {Fmt.En(general)}; they must add up to {Fmt.En(scale.GeneralMax)}."));
        }

        if (task != scale.TaskMax)
        {
            problems.Add(new(
                $"Tổng điểm tối đa các tiêu chí kết quả nhiệm vụ là {Fmt.Vi(task)}, phải bằng {Fmt.Vi(scale.TaskMax)}.",
                $"The task criteria add up to {Fmt.En(task)}; they must add up to {Fmt.En(scale.TaskMax)}."));
        }

        if (appliesToLeader)
        {
            if (!criteria.Any(c => c.Leader == LeaderComponent.UnitResults))
            {
                problems.Add(new("Biểu điểm của lãnh đạo thiếu tiêu chí kết quả hoạt động của đơn vị (Điều 15–16 Nghị định 335).",
                    "A leader's sheet lacks the criterion on the unit's results (Decree 335 Art. 15–16)."));
            }

            if (!criteria.Any(c => c.Leader == LeaderComponent.Organisation))
            {
                problems.Add(new("Biểu điểm của lãnh đạo thiếu tiêu chí năng lực tổ chức thực hiện (Điều 15–16 Nghị định 335).",
                    "A leader's sheet lacks the criterion on organising implementation (Decree 335 Art. 15–16)."));
            }
        }

        return problems;
    }
}
