using EvalBot.Domain;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Scoring;
using EvalBot.Persistence.Entities;

namespace EvalBot.Features.CheckIns;

/// <summary>
/// What one turn shows of a person's report for a period, worked out once (<see cref="CheckInViews"/>) and rendered by
/// both cards, the person's check-in card and the leader's review card: the general criteria with their maxima, the
/// general points as the person reported them and as they count (the leader's once confirmed), the period score under
/// the person's rule-set, and whether the period is open at the turn's moment.
/// </summary>
/// <param name="Context">The person, period, targets, report and remediation items the view is of.</param>
/// <param name="Criteria">The rule-set's general criteria, each with its maximum; none without a rule-set.</param>
/// <param name="ReportedGeneral">The general points the person reported (<c>GeneralJson</c>); empty without a report.</param>
/// <param name="CountedGeneral">The general points that count: the leader's when confirmed, else the person's.</param>
/// <param name="Score">The period score of the report; null without a report or a rule-set.</param>
/// <param name="IsOpen">Whether the period's campaign is open at the turn's moment: closed, the card is read-only.</param>
public sealed record CheckInView(
    CheckInContext Context,
    IReadOnlyList<(GeneralCriterion Criterion, decimal Max)> Criteria,
    IReadOnlyDictionary<string, decimal> ReportedGeneral,
    IReadOnlyDictionary<string, decimal> CountedGeneral,
    PeriodScore? Score,
    bool IsOpen)
{
    public CheckInReport? Report => Context.Report;

    public RuleSet? RuleSet => Context.RuleSet;

    /// <summary>
    /// The level the score reaches under the rule-set; null when there is no score, or when no product of the period can
    /// be counted (rule 6: the period is not a 0 % result, the annual roll-up leaves it out and says why).
    /// </summary>
    public Level? Level => Score is not { Counted: true } || RuleSet is null ? null : Bands.LevelFor(Score.Total, RuleSet);
}
