using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

public class LeaderRulesTests
{
    private static PersonYear Leader(UnitResult unit, params ConfidenceVote[] votes) =>
        Make.Year(Make.Person(leader: true), Make.Quarters(95m)) with { Unit = unit, ConfidenceVotes = votes, Tasks = Make.Tasks(exceeded: 6) };

    public static TheoryData<string, string, PersonYear, ClassificationStatus, Level?> Grounds => new()
    {
        { "corruption handled (ND335)", "ND335", Leader(Make.Unit(corruption: true)), ClassificationStatus.Rated, Level.NotComplete },
        { "corruption handled (ND90_48)", "ND90_48", Leader(Make.Unit(corruption: true)), ClassificationStatus.Rated, Level.NotComplete },
        { "corruption handled (QD366)", "QD366", Leader(Make.Unit(corruption: true)), ClassificationStatus.Rated, Level.NotComplete },
        { "unit under 70 % (QD366)", "QD366", Leader(Make.Unit(completed: 69.99m)), ClassificationStatus.Rated, Level.NotComplete },
        { "unit under 50 % (ND90_48)", "ND90_48", Leader(Make.Unit(completed: 49.99m)), ClassificationStatus.Rated, Level.NotComplete },
        { "over half the sub-units KHT (QD366)", "QD366", Leader(Make.Unit(good: 4, notComplete: 6)), ClassificationStatus.Rated, Level.NotComplete },
        { "half the sub-units KHT is not over half", "QD366", Leader(Make.Unit(good: 5, notComplete: 5)), ClassificationStatus.Rated, Level.Good },
        { "valid vote, 51 % low (QD366)", "QD366", Leader(Make.Unit(exceeded: 40m), new ConfidenceVote(new DateOnly(2026, 5, 1), 20, 29, 51, 100, 120)), ClassificationStatus.Rated, Level.NotComplete },
        { "valid vote, 50 % low", "QD366", Leader(Make.Unit(exceeded: 40m), new ConfidenceVote(new DateOnly(2026, 5, 1), 20, 30, 50, 100, 120)), ClassificationStatus.Rated, Level.Excellent },
        { "vote without quorum is not used", "QD366", Leader(Make.Unit(exceeded: 40m), new ConfidenceVote(new DateOnly(2026, 5, 1), 0, 0, 70, 70, 120)), ClassificationStatus.Rated, Level.Excellent },
        { "vote of an earlier year is not used", "QD366", Leader(Make.Unit(exceeded: 40m), new ConfidenceVote(new DateOnly(2025, 5, 1), 0, 0, 100, 100, 100)), ClassificationStatus.Rated, Level.Excellent },
    };

    [Theory]
    [MemberData(nameof(Grounds))]
    public void Rule14_leader_grounds_force_KHT(string _, string ruleSet, PersonYear input, ClassificationStatus status, Level? expected)
    {
        var result = AnnualClassifier.Classify(input, Make.ById(ruleSet));

        Assert.Equal(status, result.Status);
        Assert.Equal(expected, result.Level);
    }

    public static TheoryData<string, UnitResult, ClassificationStatus, Level?> Nd90Unit => new()
    {
        { "all targets, 50 % exceeded, sub-units all HT+, 70 % HTT+", Make.Unit(exceeded: 50m, good: 7, complete: 3), ClassificationStatus.Rated, Level.Excellent },
        { "only 60 % of sub-units HTT+ caps at HTT", Make.Unit(exceeded: 50m, good: 6, complete: 4), ClassificationStatus.Rated, Level.Good },
        { "80 % on time, sub-units all HT+", Make.Unit(onTime: 80m, good: 2, complete: 8), ClassificationStatus.Rated, Level.Good },
        { "79.99 % on time caps at HT", Make.Unit(onTime: 79.99m), ClassificationStatus.Rated, Level.Complete },
        { "70.01 % of targets, 70 % of sub-units HT+", Make.Unit(completed: 70.01m, good: 7, notComplete: 3), ClassificationStatus.Rated, Level.Complete },
        { "70 % of targets is unclassifiable", Make.Unit(completed: 70m), ClassificationStatus.NeedsAuthorityDecision, null },
        { "60 % of targets is unclassifiable", Make.Unit(completed: 60m), ClassificationStatus.NeedsAuthorityDecision, null },
        { "50 % of targets is unclassifiable", Make.Unit(completed: 50m), ClassificationStatus.NeedsAuthorityDecision, null },
        { "49.99 % of targets is KHT", Make.Unit(completed: 49.99m), ClassificationStatus.Rated, Level.NotComplete },
    };

    [Theory]
    [MemberData(nameof(Nd90Unit))]
    public void Rule17_ND90_48_leader_unit_conditions_and_the_50_to_70_percent_case_is_flagged(string _, UnitResult unit, ClassificationStatus status, Level? expected)
    {
        var input = Make.Year(Make.Person(Population.PublicEmployee, leader: true), [], 2025) with { Unit = unit, Tasks = Make.Tasks(exceeded: 6) };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        Assert.Equal(status, result.Status);
        Assert.Equal(expected, result.Level);
        Assert.Equal(status == ClassificationStatus.NeedsAuthorityDecision, result.Applications.Any(a => a.RuleId == "R17.gap"));
    }
}
