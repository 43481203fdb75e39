using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

public class TaskConditionRulesTests
{
    public static TheoryData<string, string, TaskSummary, ClassificationStatus, Level?> TaskCounts => new()
    {
        { "QD366: 6 of 10 not completed", "QD366", Make.Tasks(completed: 4, onTimeQuality: 4), ClassificationStatus.Rated, Level.NotComplete },
        { "QD366: 5 of 10 not completed is not over half", "QD366", Make.Tasks(completed: 5, onTimeQuality: 5), ClassificationStatus.NeedsAuthorityDecision, null },
        { "QD366: all done, 2 of 10 late → HT", "QD366", Make.Tasks(onTimeQuality: 8, late: 2), ClassificationStatus.Rated, Level.Complete },
        { "QD366: all done, 3 of 10 late → no level", "QD366", Make.Tasks(onTimeQuality: 7, late: 3), ClassificationStatus.NeedsAuthorityDecision, null },
        { "ND90_48: 6 of 10 not meeting → KHT", "ND90_48", Make.Tasks(onTimeQuality: 4, notMeeting: 6), ClassificationStatus.Rated, Level.NotComplete },
        { "ND90_48: 2 of 10 not meeting → HT", "ND90_48", Make.Tasks(onTimeQuality: 8, notMeeting: 2), ClassificationStatus.Rated, Level.Complete },
        { "ND90_48: 3 of 10 not meeting → no level", "ND90_48", Make.Tasks(onTimeQuality: 7, notMeeting: 3), ClassificationStatus.NeedsAuthorityDecision, null },
        { "ND90_48: all on time, 5 of 10 exceeded → HTXS", "ND90_48", Make.Tasks(exceeded: 5), ClassificationStatus.Rated, Level.Excellent },
        { "ND90_48: all on time, 4 of 10 exceeded → HTT", "ND90_48", Make.Tasks(exceeded: 4), ClassificationStatus.Rated, Level.Good },
    };

    [Theory]
    [MemberData(nameof(TaskCounts))]
    public void Rule15_over_half_the_tasks_not_completed_is_KHT_and_HT_needs_all_done_with_at_most_20_percent_late(string _, string ruleSet, TaskSummary tasks, ClassificationStatus status, Level? expected)
    {
        var input = Make.Year(Make.Person(Population.PublicEmployee), Make.Quarters(60m)) with { Tasks = tasks };

        var result = AnnualClassifier.Classify(input, Make.ById(ruleSet));

        Assert.Equal(status, result.Status);
        Assert.Equal(expected, result.Level);
    }

    public static TheoryData<string, TaskSummary, RemediationItem[], Level, string> Excellent => new()
    {
        { "all conditions met", Make.Tasks(exceeded: 3), [], Level.Excellent, "" },
        { "29 % exceeded", Make.Tasks(total: 100, completed: 100, onTimeQuality: 100, exceeded: 29), [], Level.Good, "29% exceeded (needs ≥ 30%)" },
        { "one task not on time", Make.Tasks(onTimeQuality: 9, exceeded: 5), [], Level.Complete, "90% on time with quality (needs ≥ 100%)" },
        { "a shortcoming in progress", Make.Tasks(exceeded: 5), [new("KP1", "p1", new DateOnly(2026, 6, 30), RemediationStatus.InProgress, 60m)], Level.Good, "KP1" },
    };

    [Theory]
    [MemberData(nameof(Excellent))]
    public void Rule16_QD366_HTXS_needs_90_points_all_tasks_30_percent_exceeded_and_all_shortcomings_remedied(string _, TaskSummary tasks, RemediationItem[] remediation, Level expected, string missingShown)
    {
        var input = Make.Year(Make.Person(party: true), Make.Quarters(95m)) with { Tasks = tasks, Remediation = remediation };

        var result = AnnualClassifier.Classify(input, Make.Qd366);

        Assert.Equal(expected, result.Level);
        Assert.Contains(result.Applications, a => a.TextEn.Contains(missingShown, StringComparison.Ordinal));
    }
}
