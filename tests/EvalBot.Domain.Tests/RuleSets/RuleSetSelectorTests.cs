using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Tests.RuleSets;

public class RuleSetSelectorTests
{
    [Theory]
    [InlineData(Population.CivilServant, 2026, false, "ND335", null)]
    [InlineData(Population.CivilServant, 2027, true, "ND335", "QD366")]
    [InlineData(Population.CivilServant, 2025, false, "ND90_48", null)]
    [InlineData(Population.PublicEmployee, 2026, false, "ND90_48", null)]
    [InlineData(Population.PublicEmployee, 2026, true, "ND90_48", "QD366")]
    [InlineData(Population.Cadre, 2025, true, "ND90_48", "QD366")]
    [InlineData(Population.Collective, 2026, false, null, "QD366")]
    [InlineData(Population.PartyMemberOutsideSystem, 2026, true, null, "QD366")]
    public void Rule01_rule_set_follows_population_and_year_and_every_party_member_gets_QD366(Population population, int year, bool party, string? state, string? partyRuleSet)
    {
        var selection = RuleSetSelector.Select(population, year, party, RuleSetCatalog.Defaults);

        Assert.Equal(state, selection.State?.Id);
        Assert.Equal(partyRuleSet, selection.Party?.Id);
    }

    [Theory]
    [InlineData(Population.CivilServant, 2026, "ND90_48", false)]
    [InlineData(Population.CivilServant, 2026, "ND335", true)]
    [InlineData(Population.PublicEmployee, 2026, "ND335", false)]
    [InlineData(Population.CivilServant, 2025, "ND335", false)]
    public void Rule01_creating_an_evaluation_with_the_wrong_rule_set_is_rejected(Population population, int year, string ruleSetId, bool allowed)
    {
        var check = RuleSetSelector.Check(population, year, false, ruleSetId, RuleSetCatalog.Defaults);

        Assert.Equal(allowed, check.Allowed);
        Assert.False(string.IsNullOrWhiteSpace(check.ReasonVi));
    }

    [Fact]
    public void Rule01_a_newer_configured_rule_set_covers_public_employees_when_present()
    {
        var newer = Nd90Defaults.Create() with { Id = "ND_NEW_VC", Version = "2027.1", AppliesTo = [new Applicability(Population.PublicEmployee, 2027)] };
        var catalog = new RuleSetCatalog([.. RuleSetCatalog.Defaults.RuleSets, newer]);

        Assert.Equal("ND90_48", RuleSetSelector.Select(Population.PublicEmployee, 2026, false, catalog).State?.Id);
        Assert.Equal("ND_NEW_VC", RuleSetSelector.Select(Population.PublicEmployee, 2027, false, catalog).State?.Id);
    }

    [Fact]
    public void Rule01_a_local_overlay_wins_only_in_its_jurisdiction()
    {
        var overlay = Nd90Defaults.Create() with { Id = "HP212_2025", Jurisdiction = "HaiPhong", BasedOn = "ND90_48", AppliesTo = [new Applicability(Population.PublicEmployee, 2025)] };
        var catalog = new RuleSetCatalog([.. RuleSetCatalog.Defaults.RuleSets, overlay]);

        Assert.Equal("HP212_2025", RuleSetSelector.Select(Population.PublicEmployee, 2025, false, catalog, "HaiPhong").State?.Id);
        Assert.Equal("ND90_48", RuleSetSelector.Select(Population.PublicEmployee, 2025, false, catalog, "HaNoi").State?.Id);
    }
}
