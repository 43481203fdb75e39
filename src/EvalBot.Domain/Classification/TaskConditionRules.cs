using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.Scoring;

namespace EvalBot.Domain.Classification;

/// <summary>
/// Rules 15–16: the qualitative task conditions. More than half of the tasks not completed (or not meeting
/// the criteria) forces KHT; each level needs its conditions, and a year that meets none is left to the authority.
/// </summary>
internal static class TaskConditionRules
{
    public static void Apply(PersonYear input, ClassificationTrace t)
    {
        var r = t.RuleSet;
        if (r.TaskConditions is not { } c) return;
        if (input.Person.IsLeader && r.Leader.UnitConditionsApply && input.Unit is not null && input.Tasks is null) return;

        var s = input.Tasks ?? TaskSummaryBuilder.FromPeriods(input.Periods);
        var source = $"{r.Id} ({r.LegalBasis})";
        if (s.Total == 0)
        {
            t.Undecided(new RuleApplication("R15.no-task-data", source, [], RuleEffect.NeedsAuthorityDecision, null,
                "Không có số liệu nhiệm vụ trong năm để xét các điều kiện xếp loại; cần cấp có thẩm quyền quyết định.",
                "No task data for the year to check the level conditions; the competent authority must decide."));
            return;
        }

        RuleInput[] inputs =
        [
            Inputs.Of("total", s.Total), Inputs.Of("completed", s.Completed), Inputs.Of("onTimeWithQuality", s.OnTimeWithQuality),
            Inputs.Of("exceeded", s.Exceeded), Inputs.Of("late", s.Late), Inputs.Of("notMeeting", s.NotMeetingCriteria),
        ];
        if (c.NotCompleteWhenNotCompletedAbovePercent is { } nc && s.NotCompletedPercent > nc)
        {
            t.Force(new RuleApplication("R15.not-completed", source, inputs, RuleEffect.ForcesLevel, Level.NotComplete,
                $"{Fmt.Vi(s.NotCompletedPercent)}% nhiệm vụ trong năm không hoàn thành (trên {Fmt.Vi(nc)}%): Không hoàn thành nhiệm vụ.",
                $"{Fmt.En(s.NotCompletedPercent)}% of the year's tasks were not completed (over {Fmt.En(nc)}%): not complete."));
        }

        var notMeeting = s.Percent(s.NotMeetingCriteria);
        if (c.NotCompleteWhenNotMeetingAbovePercent is { } nm && notMeeting > nm)
        {
            t.Force(new RuleApplication("R15.not-meeting", source, inputs, RuleEffect.ForcesLevel, Level.NotComplete,
                $"{Fmt.Vi(notMeeting)}% tiêu chí nhiệm vụ không bảo đảm tiến độ, chất lượng, hiệu quả (trên {Fmt.Vi(nm)}%): Không hoàn thành nhiệm vụ.",
                $"{Fmt.En(notMeeting)}% of task criteria missed progress, quality or efficiency (over {Fmt.En(nm)}%): not complete."));
        }

        var higher = new List<(Level Level, List<(string Vi, string En)> Missing)>();
        foreach (var (level, req) in new[] { (Level.Excellent, c.Excellent), (Level.Good, c.Good), (Level.Complete, c.Complete) })
        {
            var missing = Requirements.Missing(req, s);
            if (missing.Count == 0)
            {
                var id = level == Level.Excellent ? "R15.task-conditions" : "R16.task-conditions-cap";
                var why = higher.Count == 0 ? "" : $" {Requirements.ByLevelVi(higher)}.";
                var whyEn = higher.Count == 0 ? "" : $" {Requirements.ByLevelEn(higher)}.";
                t.Limit(level, new RuleApplication(id, source, inputs, level == Level.Excellent ? RuleEffect.SetsLevel : RuleEffect.CapsLevel, level,
                    $"Điều kiện về nhiệm vụ cho phép tối đa {level.NameVi()}.{why}",
                    $"The task conditions allow at most {level.NameEn()}.{whyEn}"));
                return;
            }

            higher.Add((level, missing));
        }

        t.Undecided(new RuleApplication("R15.gap", source, inputs, RuleEffect.NeedsAuthorityDecision, null,
            $"Kết quả nhiệm vụ không đạt điều kiện mức nào và cũng không thuộc trường hợp Không hoàn thành nhiệm vụ; cần cấp có thẩm quyền quyết định. {Requirements.ByLevelVi(higher)}.",
            $"The task results meet no level's conditions and no KHT ground; the competent authority must decide. {Requirements.ByLevelEn(higher)}."));
    }
}
