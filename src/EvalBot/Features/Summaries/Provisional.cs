using EvalBot.Core;
using EvalBot.Domain;
using EvalBot.Domain.Classification;
using EvalBot.Domain.RuleSets;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Features.Summaries;

/// <summary>A provisional result: what the year-end compile would say today from the confirmed periods so far.</summary>
public sealed record ProvisionalResult(Person Person, RuleSet? RuleSet, ClassificationResult? Result)
{
    public Level? Level => Result?.Level;

    /// <summary>At risk of KHT: forced or banded KHT, or a case the rules leave to the authority.</summary>
    public bool AtRisk => Result is { Level: Domain.Level.NotComplete } or { Status: ClassificationStatus.NeedsAuthorityDecision };

    /// <summary>The lowest score of the HTT band under the person's rule-set (70 by default).</summary>
    public decimal GoodThreshold => RuleSet?.Bands.FirstOrDefault(b => b.Level == Domain.Level.Good)?.Threshold ?? 70m;
}

/// <summary>Runs the annual classifier on the year so far, with the same input builder as the compile.</summary>
public sealed class Provisional(CheckInScoring scoring, PersonYearBuilder builder)
{
    public IReadOnlyList<ProvisionalResult> For(IEnumerable<Person> people, YearData data, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(data);
        var tree = new OrgTree(data.Units);
        var noLevels = new Dictionary<long, Level?>();
        var totals = new Dictionary<long, LineTotals>();
        return [.. people.Select(p =>
        {
            var ruleSet = scoring.RuleSetFor(p, data.Year);
            if (ruleSet is null) return new ProvisionalResult(p, null, null);
            var unit = p.IsLeader ? LeaderUnitResults.For(p, data, tree, noLevels, totals) : null;
            return new ProvisionalResult(p, ruleSet, AnnualClassifier.Classify(builder.Build(p, data, tree, ruleSet, today, unit), ruleSet));
        })];
    }
}
