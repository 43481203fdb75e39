using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

public class DisciplineRulesTests
{
    [Theory]
    [InlineData(95, 2026, DisciplineSeverity.Reprimand, true, Level.NotComplete)]
    [InlineData(95, 2026, DisciplineSeverity.Dismissal, true, Level.NotComplete)]
    [InlineData(95, 2025, DisciplineSeverity.Reprimand, true, Level.Excellent)]
    [InlineData(95, 2027, DisciplineSeverity.Warning, true, Level.Excellent)]
    [InlineData(95, 2026, DisciplineSeverity.Reprimand, false, Level.Excellent)]
    [InlineData(75, 2026, DisciplineSeverity.Warning, true, Level.NotComplete)]
    public void Rule10_ND335_reprimand_or_heavier_for_a_public_service_violation_decided_in_the_year_forces_KHT(decimal score, int decisionYear, DisciplineSeverity severity, bool publicService, Level expected)
    {
        var input = Make.Year(Make.Person(), Make.Months(score)) with { Disciplines = [Make.Discipline("V1", decisionYear, severity: severity, publicService: publicService)] };

        var result = AnnualClassifier.Classify(input, Make.Nd335);

        Assert.Equal(expected, result.Level);
        Assert.Equal(expected == Level.NotComplete, result.Applications.Any(a => a.RuleId == "R10.discipline"));
    }

    [Theory]
    [InlineData(DisciplineKind.Party, 2025, true, Level.NotComplete)]
    [InlineData(DisciplineKind.Administrative, 2025, false, Level.NotComplete)]
    [InlineData(DisciplineKind.Party, 2024, true, Level.Excellent)]
    public void Rule11_ND90_48_any_party_or_administrative_discipline_in_the_year_forces_KHT(DisciplineKind kind, int decisionYear, bool publicService, Level expected)
    {
        var input = Make.Year(Make.Person(Population.PublicEmployee), [], 2025) with
        {
            Tasks = Make.Tasks(exceeded: 6),
            Disciplines = [Make.Discipline("V1", decisionYear, kind, publicService: publicService)],
        };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        Assert.Equal(expected, result.Level);
    }

    public static TheoryData<string, CountedViolation[], DisciplineRecord[], Level, int> DoubleCounting => new()
    {
        { "already counted in 2024: not again", [new("V1", 2024)], [Make.Discipline("V1", 2025)], Level.Excellent, 0 },
        { "another violation still counts", [new("V1", 2024)], [Make.Discipline("V2", 2025)], Level.NotComplete, 1 },
        { "party 2024 and administrative 2025 for one act count once", [], [Make.Discipline("V1", 2024, DisciplineKind.Party), Make.Discipline("V1", 2025)], Level.Excellent, 0 },
        { "both sanctions in the same year count once", [], [Make.Discipline("V1", 2025, DisciplineKind.Party), Make.Discipline("V1", 2025)], Level.NotComplete, 1 },
    };

    [Theory]
    [MemberData(nameof(DoubleCounting))]
    public void Rule12_ND90_48_a_violation_is_counted_once_across_years_by_its_violation_id(string _, CountedViolation[] counted, DisciplineRecord[] disciplines, Level expected, int newlyCounted)
    {
        var input = Make.Year(Make.Person(Population.PublicEmployee), [], 2025) with
        {
            Tasks = Make.Tasks(exceeded: 6),
            AlreadyCounted = counted,
            Disciplines = disciplines,
        };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        Assert.Equal(expected, result.Level);
        Assert.Equal(newlyCounted, result.CountedViolations.Count);
    }
}
