using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

public class TimeInYearRulesTests
{
    public static TheoryData<string, decimal, LeaveRecord[], ClassificationStatus, Level?> Nd90 => new()
    {
        { "12 months worked", 12m, [], ClassificationStatus.Rated, Level.Excellent },
        { "employed 5 months", 5m, [], ClassificationStatus.NotRated, null },
        { "employed 6 months", 6m, [], ClassificationStatus.Rated, Level.Excellent },
        { "7 months sick leave", 12m, [new(LeaveKind.Sick, 7m)], ClassificationStatus.NotRated, null },
        { "7 months maternity leave: rated on time worked", 12m, [new(LeaveKind.Maternity, 7m)], ClassificationStatus.Rated, Level.Excellent },
        { "3 months lawful leave caps at HT", 12m, [new(LeaveKind.OtherLawful, 3m)], ClassificationStatus.Rated, Level.Complete },
        { "5.9 months sick leave caps at HT", 12m, [new(LeaveKind.Sick, 5.9m)], ClassificationStatus.Rated, Level.Complete },
        { "2.9 months sick leave: no cap", 12m, [new(LeaveKind.Sick, 2.9m)], ClassificationStatus.Rated, Level.Excellent },
        { "6 months sick leave: 6 worked, no cap", 12m, [new(LeaveKind.Sick, 6m)], ClassificationStatus.Rated, Level.Excellent },
    };

    [Theory]
    [MemberData(nameof(Nd90))]
    public void Rule18_ND90_48_under_six_months_not_rated_leave_of_3_to_6_months_caps_at_HT_maternity_rated_on_time_worked(string _, decimal employed, LeaveRecord[] leaves, ClassificationStatus status, Level? expected)
    {
        var input = Make.Year(Make.Person(Population.PublicEmployee), [], 2025, employed) with { Leaves = leaves, Tasks = Make.Tasks(exceeded: 6) };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        Assert.Equal(status, result.Status);
        Assert.Equal(expected, result.Level);
        Assert.Equal(status == ClassificationStatus.NotRated, result.Applications.Any(a => a.RuleId == "R18.under-six-months" && a.TextVi.Contains("vẫn phải kiểm điểm", StringComparison.Ordinal)));
    }

    public static TheoryData<string, DateOnly?, LeaveRecord[], ClassificationStatus, Level?> Qd366 => new()
    {
        { "member for years", new DateOnly(2010, 1, 1), [], ClassificationStatus.Rated, Level.Excellent },
        { "admitted 5 months before the review", new DateOnly(2026, 7, 11), [], ClassificationStatus.NotRated, null },
        { "admitted exactly 6 months before the review", new DateOnly(2026, 6, 10), [], ClassificationStatus.Rated, Level.Excellent },
        { "4 months sick: rated on actual results, no cap", new DateOnly(2010, 1, 1), [new(LeaveKind.Sick, 4m)], ClassificationStatus.Rated, Level.Excellent },
        { "8 months maternity: rated on actual results", new DateOnly(2010, 1, 1), [new(LeaveKind.Maternity, 8m)], ClassificationStatus.Rated, Level.Excellent },
    };

    [Theory]
    [MemberData(nameof(Qd366))]
    public void Rule19_QD366_sick_or_maternity_leave_rated_on_actual_results_and_new_members_excluded(string _, DateOnly? admitted, LeaveRecord[] leaves, ClassificationStatus status, Level? expected)
    {
        var input = Make.Year(Make.Person(party: true), Make.Quarters(95m)) with { PartyAdmissionDate = admitted, Leaves = leaves, Tasks = Make.Tasks(exceeded: 4) };

        var result = AnnualClassifier.Classify(input, Make.Qd366);

        Assert.Equal(status, result.Status);
        Assert.Equal(expected, result.Level);
    }

    public static TheoryData<string, DateOnly?, DateOnly?, LeaveRecord[], decimal, ClassificationStatus> Employed => new()
    {
        { "no dates: the whole year", null, null, [], 12m, ClassificationStatus.Rated },
        { "hired years ago, still employed", new DateOnly(2010, 3, 1), null, [], 12m, ClassificationStatus.Rated },
        { "hired 1 August: five months, not rated", new DateOnly(2025, 8, 1), null, [], 5.03m, ClassificationStatus.NotRated },
        { "hired 1 July: six months, rated", new DateOnly(2025, 7, 1), null, [], 6.05m, ClassificationStatus.Rated },
        { "left 31 May: five months, not rated", null, new DateOnly(2025, 5, 31), [], 4.96m, ClassificationStatus.NotRated },
        { "hired 1 March, five months of it maternity leave: rated on the time worked", new DateOnly(2025, 3, 1), null, [new(LeaveKind.Maternity, 5m)], 10.06m, ClassificationStatus.Rated },
        { "left before the year", new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31), [], 0m, ClassificationStatus.NotRated },
    };

    [Theory]
    [MemberData(nameof(Employed))]
    public void Rule18_ND90_48_months_employed_come_from_the_hire_and_end_dates(string _, DateOnly? hired, DateOnly? ended, LeaveRecord[] leaves, decimal months, ClassificationStatus status)
    {
        var employed = Employment.MonthsInYear(hired, ended, 2025);
        var input = Make.Year(Make.Person(Population.PublicEmployee), [], 2025, employed) with { Leaves = leaves, Tasks = Make.Tasks(exceeded: 6) };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        Assert.Equal(months, employed);
        Assert.Equal(status, result.Status);
    }
}
