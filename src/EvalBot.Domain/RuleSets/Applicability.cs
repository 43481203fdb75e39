using EvalBot.Domain.Records;

namespace EvalBot.Domain.RuleSets;

/// <summary>A population and an inclusive range of years a rule-set covers.</summary>
/// <param name="Population">Who.</param>
/// <param name="FromYear">First evaluation year.</param>
/// <param name="ToYear">Last evaluation year, or null while in force.</param>
public sealed record Applicability(Population Population, int FromYear, int? ToYear = null)
{
    /// <summary>True when this entry covers the population in the year.</summary>
    public bool Covers(Population population, int year) =>
        population == Population && year >= FromYear && (ToYear is null || year <= ToYear);
}
