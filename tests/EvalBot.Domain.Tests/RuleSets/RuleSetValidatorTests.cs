using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Tests.RuleSets;

public class RuleSetValidatorTests
{
    [Fact]
    public void The_national_defaults_are_valid()
    {
        Assert.Empty(RuleSetValidator.Validate(RuleSetCatalog.Defaults));
    }

    public static TheoryData<string, Func<RuleSet, RuleSet>> Broken => new()
    {
        { "generalMax + taskMax", r => r with { Scale = r.Scale with { GeneralMax = 25m } } },
        { "thresholds must fall", r => r with { Bands = [new Band(Level.Excellent, 70m, Comparison.AtLeast), new Band(Level.Good, 90m, Comparison.AtLeast)] } },
        { "best first", r => r with { Bands = [new Band(Level.Good, 90m, Comparison.AtLeast), new Band(Level.Excellent, 70m, Comparison.AtLeast)] } },
        { "KHT is what lies below", r => r with { Bands = [new Band(Level.NotComplete, 10m, Comparison.AtLeast)] } },
        { "not a percentage", r => r with { Quota = r.Quota with { Percent = 120m } } },
        { "must not be below quota.percent", r => r with { Quota = r.Quota with { ExceptionPercent = 10m } } },
        { "deductionPercent", r => r with { PeriodScoring = r.PeriodScoring with { DeductionPercent = -1m } } },
        { "appliesTo", r => r with { AppliesTo = [] } },
        { "toYear", r => r with { AppliesTo = [new Applicability(Population.CivilServant, 2026, 2020)] } },
        { "version", r => r with { Version = "" } },
        { "voteQuorum", r => r with { Leader = r.Leader with { VoteQuorumNumerator = 4 } } },
        { "collective.notCompleteWhenCompletedBelowPercent", r => r with { Collective = Qd366Defaults.Create().Collective! with { NotCompleteWhenCompletedBelowPercent = 170m } } },
        { "collective.excellent.minExceededPercent", r => r with { Collective = Qd366Defaults.Create().Collective! with { Excellent = new LevelRequirement(100m, 100m, -30m, null, null) } } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Invalid_configuration_is_refused_with_a_message_naming_the_problem(string expected, Func<RuleSet, RuleSet> breakIt)
    {
        var errors = RuleSetValidator.Validate(breakIt(Nd335Defaults.Create()));

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal) && e.StartsWith("ND335", StringComparison.Ordinal));
    }

    [Fact]
    public void A_catalog_with_a_duplicate_version_or_an_unknown_base_is_refused()
    {
        var dup = new RuleSetCatalog([Nd335Defaults.Create(), Nd335Defaults.Create(), Nd90Defaults.Create() with { Id = "X", BasedOn = "NOPE" }]);

        var errors = RuleSetValidator.Validate(dup);

        Assert.Contains(errors, e => e.Contains("defined 2 times", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown rule-set 'NOPE'", StringComparison.Ordinal));
    }
}
