using EvalBot.Domain.Classification;
using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

public class AnnualClassifierTests
{
    [Theory]
    [InlineData(89.99, Level.Good)]
    [InlineData(90.00, Level.Excellent)]
    [InlineData(69.99, Level.Complete)]
    [InlineData(49.99, Level.NotComplete)]
    public void Rule07_a_year_of_months_at_the_boundary_gets_the_exact_band(decimal score, Level expected)
    {
        var result = AnnualClassifier.Classify(Make.Year(Make.Person(), Make.Months(score)), Make.Nd335);

        Assert.Equal(score, result.Score);
        Assert.Equal(expected, result.Level);
    }

    [Fact]
    public void Every_result_explains_itself_in_Vietnamese_and_English_with_the_rule_set_version()
    {
        var input = Make.Year(Make.Person(), Make.Months(92m)) with { Disciplines = [Make.Discipline("V1", 2026)] };

        var result = AnnualClassifier.Classify(input, Make.Nd335);

        Assert.Equal(("ND335", "2026.1"), (result.RuleSetId, result.RuleSetVersion));
        Assert.All(result.Applications, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.TextVi));
            Assert.False(string.IsNullOrWhiteSpace(a.TextEn));
            Assert.StartsWith("R", a.RuleId, StringComparison.Ordinal);
        });
        var forced = Assert.Single(result.Applications, a => a.Effect == RuleEffect.ForcesLevel);
        Assert.Contains("khiển trách", forced.TextVi, StringComparison.Ordinal);
        Assert.Contains(result.Applications, a => a.RuleId == "R07.bands" && a.Level == Level.Excellent);
    }

    [Fact]
    public void A_Hai_Phong_style_overlay_changes_the_verdict_through_configuration_only()
    {
        var overlay = Make.Nd90 with
        {
            Id = "HP212_2025",
            Scale = new ScaleSettings(UsesPoints: true, GeneralMax: 20m, TaskMax: 80m, TotalMax: 100m),
            Bands = [new Band(Level.Excellent, 90m, Comparison.Above), new Band(Level.Good, 80m, Comparison.Above), new Band(Level.Complete, 50m, Comparison.AtLeast)],
        };
        var input = Make.Year(Make.Person(Population.PublicEmployee), Make.Months(90m, year: 2025, count: 12).Select(p => p with { GeneralScore = 18m }).ToList(), 2025) with { Tasks = Make.Tasks(exceeded: 6) };

        Assert.Equal(Level.Excellent, AnnualClassifier.Classify(input, Make.Nd90).Level);
        var local = AnnualClassifier.Classify(input, overlay);
        Assert.Equal(90m, local.Score);
        Assert.Equal(Level.Good, local.Level);
    }
}
