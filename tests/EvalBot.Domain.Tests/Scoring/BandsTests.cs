using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Scoring;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Scoring;

public class BandsTests
{
    [Theory]
    [InlineData("ND335", 100, Level.Excellent)]
    [InlineData("ND335", 90.00, Level.Excellent)]
    [InlineData("ND335", 89.99, Level.Good)]
    [InlineData("ND335", 70.00, Level.Good)]
    [InlineData("ND335", 69.99, Level.Complete)]
    [InlineData("ND335", 50.00, Level.Complete)]
    [InlineData("ND335", 49.99, Level.NotComplete)]
    [InlineData("ND335", 0, Level.NotComplete)]
    [InlineData("QD366", 90.00, Level.Excellent)]
    [InlineData("QD366", 89.99, Level.Good)]
    [InlineData("QD366", 49.99, Level.NotComplete)]
    public void Rule07_bands_follow_the_configured_thresholds(string ruleSet, decimal score, Level expected)
    {
        Assert.Equal(expected, Bands.LevelFor(score, Make.ById(ruleSet)));
    }

    [Theory]
    [InlineData(90.00, Level.Good)]
    [InlineData(90.01, Level.Excellent)]
    [InlineData(80.00, Level.Complete)]
    [InlineData(80.01, Level.Good)]
    [InlineData(50.00, Level.Complete)]
    [InlineData(49.99, Level.NotComplete)]
    public void Rule07_comparison_operators_are_configurable_over_90_and_over_80(decimal score, Level expected)
    {
        var hp = Make.Nd335 with
        {
            Bands = [new Band(Level.Excellent, 90m, Comparison.Above), new Band(Level.Good, 80m, Comparison.Above), new Band(Level.Complete, 50m, Comparison.AtLeast)],
        };

        Assert.Equal(expected, Bands.LevelFor(score, hp));
    }

    [Theory]
    [InlineData(89.99, "89,99", "≥ 70")]
    [InlineData(90, "90", "≥ 90")]
    [InlineData(10, "10", "< 50")]
    public void Rule07_the_band_explains_itself_in_both_languages(decimal score, string vi, string band)
    {
        var app = Bands.Explain(score, Make.Nd335);

        Assert.Contains(vi, app.TextVi, StringComparison.Ordinal);
        Assert.Contains(band, app.TextEn, StringComparison.Ordinal);
        Assert.Contains(app.Level!.Value.NameVi(), app.TextVi, StringComparison.Ordinal);
    }
}
