using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

public class RemediationRulesTests
{
    private static RemediationItem Item(string id, RemediationStatus status, decimal pct = 0m) => new(id, "p1", new DateOnly(2026, 6, 30), status, pct);

    public static TheoryData<string, RemediationItem[], Level> Cases => new()
    {
        { "no shortcomings", [], Level.Excellent },
        { "all remedied", [Item("A", RemediationStatus.Remedied), Item("B", RemediationStatus.Remedied)], Level.Excellent },
        { "one at 99 %", [Item("A", RemediationStatus.Remedied), Item("B", RemediationStatus.InProgress, 99m)], Level.Good },
        { "one not remedied", [Item("A", RemediationStatus.NotRemedied)], Level.Good },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule35_HTXS_is_blocked_while_any_remediation_item_is_not_remedied(string _, RemediationItem[] items, Level expected)
    {
        var input = Make.Year(Make.Person(party: true), Make.Quarters(96m)) with { Tasks = Make.Tasks(exceeded: 4), Remediation = items };

        var result = AnnualClassifier.Classify(input, Make.Qd366);

        Assert.Equal(expected, result.Level);
        Assert.Equal(expected != Level.Excellent, result.Applications.Any(a => a.RuleId == "R35.remediation" && a.Effect == Explanations.RuleEffect.CapsLevel));
    }

    [Theory]
    [InlineData("ND335")]
    public void Rule35_rule_sets_without_the_remediation_condition_do_not_cap(string ruleSet)
    {
        var input = Make.Year(Make.Person(), Make.Months(96m)) with { Remediation = [Item("A", RemediationStatus.NotRemedied)] };

        Assert.Equal(Level.Excellent, AnnualClassifier.Classify(input, Make.ById(ruleSet)).Level);
    }
}
