using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Scoring;
using EvalBot.Persistence.Entities;
using Microsoft.Extensions.Options;
using DomainPeriod = EvalBot.Domain.Records.Period;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Core;

/// <summary>
/// Turns stored reports into the rule engine's inputs and scores a period under the person's rule-set,
/// so previews, confirmations, the demo history and the annual compile all score the same way.
/// </summary>
public sealed class CheckInScoring(RuleSetCatalog catalog, IOptions<CheckInOptions> options)
{
    /// <summary>The state rule-set for the person in that year (ND335, ND90_48, an overlay…), or null when none applies.</summary>
    public RuleSet? RuleSetFor(Person person, int year)
    {
        ArgumentNullException.ThrowIfNull(person);
        return RuleSetFor(person.Population, person.IsPartyMember, year);
    }

    /// <summary>The state rule-set for a population in that year (an import checks people not yet stored).</summary>
    /// <remarks>
    /// The catalog is fixed for the life of the process, so each selection is made once per population, membership and
    /// year (the compile asks for every person, several times); the number kept is bounded, since a year can come from input.
    /// </remarks>
    public RuleSet? RuleSetFor(Domain.Records.Population population, bool isPartyMember, int year)
    {
        var key = (population, isPartyMember, year);
        if (_stateRuleSets.TryGetValue(key, out var known)) return known;
        var ruleSet = RuleSetSelector.Select(population, year, isPartyMember, catalog).State;
        if (_stateRuleSets.Count < MaxKeptSelections) _stateRuleSets.TryAdd(key, ruleSet);
        return ruleSet;
    }

    private const int MaxKeptSelections = 1024;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Domain.Records.Population, bool, int), RuleSet?> _stateRuleSets = new();

    /// <summary>
    /// The general criteria a person scores, each with its maximum: the general criteria of their score sheet when they
    /// have one that adds up on the rule-set's scale; otherwise <c>CheckIns:GeneralCriteria</c>, each criterion its
    /// weighted share of the rule-set's general maximum.
    /// </summary>
    public IReadOnlyList<(GeneralCriterion Criterion, decimal Max)> Criteria(RuleSet ruleSet, PersonSheet? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (sheet is not null && sheet.Fits(ruleSet.Scale)) return sheet.General;
        var criteria = options.Value.GeneralCriteria;
        var total = criteria.Sum(c => c.Weight);
        return criteria.Select(c => (c, Math.Round(ruleSet.Scale.GeneralMax * c.Weight / total, 2, MidpointRounding.ToZero))).ToList();
    }

    /// <summary>
    /// The period score of a report under <paramref name="ruleSet"/>, with that rule-set's <paramref name="criteria"/>
    /// (<see cref="Criteria"/>) as the caller already holds them: a turn works them out once for everything it shows.
    /// </summary>
    public PeriodScore Score(
        Person person, Unit unit, string periodLabel, IReadOnlyList<(Target Target, CheckInLine Line)> lines, IReadOnlyDictionary<string, decimal> general, RuleSet ruleSet,
        IReadOnlyList<(GeneralCriterion Criterion, decimal Max)> criteria)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(general);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(criteria);
        var period = DomainPeriod.Parse(periodLabel, unit.ExternalId);
        var products = lines.Select(l => new ProductReport(
            new AssignedProduct(l.Target.ExternalId, l.Target.Quantity, l.Target.ConversionFactor, l.Target.Deadline, l.Target.QualityRequirement, l.Target.Title),
            l.Line.Done,
            l.Line.QualityOk,
            l.Line.OnTime,
            l.Line.FailedChecks,
            l.Line.Delays,
            l.Line.ObjectiveCause ? new ObjectiveCauseExemption(l.Line.ObjectiveCauseApprover ?? "", l.Line.ObjectiveCauseDocument ?? "") : null)).ToList();
        var generalScore = Math.Min(ruleSet.Scale.GeneralMax, criteria.Sum(c => Math.Clamp(general.GetValueOrDefault(c.Criterion.Id), 0, c.Max)));
        var report = new PeriodReport(period, WorkStatus.Worked, products, generalScore);
        return PeriodScorer.Score(report, ruleSet, isLeader: false);
    }
}
