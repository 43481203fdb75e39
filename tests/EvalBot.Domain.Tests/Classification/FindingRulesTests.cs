using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

public class FindingRulesTests
{
    [Theory]
    [InlineData("ND335", Population.CivilServant, "finding", 2026, Level.NotComplete)]
    [InlineData("QD366", Population.CivilServant, "finding", 2026, Level.NotComplete)]
    [InlineData("ND335", Population.CivilServant, "finding", 2025, Level.Excellent)]
    [InlineData("ND335", Population.CivilServant, "suspension", 2026, Level.NotComplete)]
    [InlineData("ND90_48", Population.PublicEmployee, "suspension", 2026, Level.Excellent)]
    [InlineData("ND90_48", Population.PublicEmployee, "finding", 2026, Level.NotComplete)]
    public void Rule13_a_degradation_finding_and_a_civil_servant_suspension_in_the_year_force_KHT(string ruleSet, Population population, string kind, int year, Level expected)
    {
        var date = new DateOnly(year, 4, 1);
        var input = Make.Year(Make.Person(population), Make.Quarters(95m)) with
        {
            Tasks = Make.Tasks(exceeded: 6),
            Findings = kind == "finding" ? [new DegradationFinding(date, "KL 01")] : [],
            Suspensions = kind == "suspension" ? [new Suspension(date, "QĐ 02")] : [],
        };

        var result = AnnualClassifier.Classify(input, Make.ById(ruleSet));

        Assert.Equal(expected, result.Level);
    }
}
