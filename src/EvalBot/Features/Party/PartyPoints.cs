using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Scoring;

namespace EvalBot.Features.Party;

/// <summary>The general (…/30) and task (…/70) points a member's confirmed periods give, and which periods gave them.</summary>
/// <param name="General">The mean of the periods' general-criteria points, or null without a worked period.</param>
/// <param name="Task">The mean of the periods' task points, or null without a worked period.</param>
/// <param name="Periods">The worked periods counted, in order.</param>
public sealed record PartyPoints(decimal? General, decimal? Task, IReadOnlyList<string> Periods)
{
    /// <summary>
    /// The points of <paramref name="year"/>'s worked periods (those <paramref name="within"/> accepts, all by default),
    /// scored by the rule engine under the Party rule-set, so the task group is on its task maximum and the general groups
    /// on its general maximum: the annual suggestion (<see cref="PartyRound"/>) and the quarterly record (Form 05,
    /// <see cref="PartyQuarterRecords"/>) are one computation. Periods on leave are left out, not counted as zero.
    /// </summary>
    public static PartyPoints Of(PersonYear year, RuleSet partyRuleSet, bool isLeader, Func<Period, bool>? within = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        var annual = AnnualRollUp.Compute(year.Periods, partyRuleSet, isLeader);
        var worked = annual.Periods.Where(p => p.Status == WorkStatus.Worked && (within is null || within(p.Period))).ToList();
        return worked.Count == 0
            ? new PartyPoints(null, null, [])
            : new PartyPoints(Math.Round(worked.Average(p => p.GeneralPoints), 2), Math.Round(worked.Average(p => p.TaskPoints), 2), [.. worked.Select(p => p.Period.Label)]);
    }
}
