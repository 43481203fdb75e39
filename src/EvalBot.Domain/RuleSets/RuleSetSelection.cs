namespace EvalBot.Domain.RuleSets;

/// <summary>The rule-sets that apply to one person-year: a state rating and, for Party members, a Party rating.</summary>
/// <param name="State">The state rule-set, or null when none covers the population and year.</param>
/// <param name="Party">QD366 (or its successor) for Party members and collectives, else null.</param>
public sealed record RuleSetSelection(RuleSet? State, RuleSet? Party);

/// <summary>The answer to "may this rule-set be used for this record?".</summary>
/// <param name="Allowed">True when the rule-set is the one the selector picks.</param>
/// <param name="ReasonVi">Why, in Vietnamese.</param>
/// <param name="ReasonEn">Why, in English.</param>
public sealed record RuleSetCheck(bool Allowed, string ReasonVi, string ReasonEn);
