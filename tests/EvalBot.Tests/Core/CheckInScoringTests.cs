using EvalBot.Core;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using Microsoft.Extensions.Options;

namespace EvalBot.Tests.Core;

/// <summary>The state rule-set a person-year is scored under: the selector's choice, kept once made.</summary>
public sealed class CheckInScoringTests
{
    private static CheckInScoring Scoring() => new(RuleSetCatalog.Defaults, Options.Create(new CheckInOptions()));

    [Fact]
    public void The_rule_set_of_every_population_membership_and_year_is_the_selectors_when_asked_again()
    {
        var scoring = Scoring();
        var years = Enumerable.Range(2015, 15).ToList();
        foreach (var population in Enum.GetValues<Population>())
        {
            foreach (var member in new[] { false, true })
            {
                foreach (var year in years)
                {
                    var expected = RuleSetSelector.Select(population, year, member, RuleSetCatalog.Defaults).State;
                    Assert.Same(expected, scoring.RuleSetFor(population, member, year));
                    Assert.Same(expected, scoring.RuleSetFor(population, member, year));
                }
            }
        }

        Assert.NotNull(scoring.RuleSetFor(Population.CivilServant, false, 2026));
        Assert.Null(scoring.RuleSetFor(Population.Collective, true, 2026));
    }

    [Fact]
    public void Past_the_number_of_selections_kept_the_answers_are_still_the_selectors()
    {
        var scoring = Scoring();
        for (var year = 1; year <= 3000; year++)
        {
            Assert.Same(RuleSetSelector.Select(Population.PublicEmployee, year, false, RuleSetCatalog.Defaults).State, scoring.RuleSetFor(Population.PublicEmployee, false, year));
        }

        Assert.Same(RuleSetSelector.Select(Population.CivilServant, 2026, true, RuleSetCatalog.Defaults).State, scoring.RuleSetFor(Population.CivilServant, true, 2026));
    }
}
