using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Scoring;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Scoring;

public class AnnualRollUpTests
{
    public static TheoryData<string, IReadOnlyList<PeriodReport>, decimal?> Cases => new()
    {
        { "12 months at 80", Make.Months(80m), 80m },
        { "10 worked months at 80 + 2 maternity months", [.. Make.Months(80m, 10), Make.Leave(11, WorkStatus.MaternityLeave), Make.Leave(12, WorkStatus.MaternityLeave)], 80m },
        { "sick and absence months are left out too", [.. Make.Months(75m, 6), Make.Leave(7, WorkStatus.SickLeave), Make.Leave(8, WorkStatus.JustifiedAbsence)], 75m },
        { "mean of 90 and 80", [Make.Scored(1, 90m), Make.Scored(2, 80m)], 85m },
        { "rounded to two decimals", [Make.Scored(1, 90m), Make.Scored(2, 89.99m), Make.Scored(3, 89.99m)], 89.99m },
        { "no period worked", [Make.Leave(1, WorkStatus.MaternityLeave)], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule08_annual_score_is_the_mean_of_the_periods_actually_worked(string _, IReadOnlyList<PeriodReport> periods, decimal? expected)
    {
        Assert.Equal(expected, AnnualRollUp.Compute(periods, Make.Nd335, isLeader: false).Score);
    }

    [Theory]
    [InlineData(6, 92, 6, 88, 90)]
    [InlineData(9, 70, 3, 100, 77.5)]
    public void Rule08_periods_imported_from_the_old_unit_after_a_transfer_are_included(int oldMonths, decimal oldScore, int newMonths, decimal newScore, decimal expected)
    {
        var periods = Enumerable.Range(1, oldMonths).Select(i => Make.Scored(i, oldScore, unit: "OLD", importedFrom: "OLD"))
            .Concat(Enumerable.Range(oldMonths + 1, newMonths).Select(i => Make.Scored(i, newScore)))
            .ToList();

        var result = AnnualClassifier.Classify(Make.Year(Make.Person(), periods), Make.Nd335);

        Assert.Equal(expected, result.Score);
        Assert.Contains(result.Applications, a => a.RuleId == "R20.imported");
    }
}
