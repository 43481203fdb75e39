using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Scoring;

/// <summary>The leader's unit-result component of Decree 335 Art. 15–16: 100 % if every subordinate is HT or better, 50 % if any is KHT.</summary>
public static class LeaderComponents
{
    /// <summary>The unit-result percentage from the subordinates' bands.</summary>
    public static decimal UnitResultPercent(IReadOnlyList<Level> subordinateLevels, PeriodScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(subordinateLevels);
        ArgumentNullException.ThrowIfNull(settings);
        return subordinateLevels.Any(l => l == Level.NotComplete) ? settings.UnitResultReducedPercent : settings.UnitResultFullPercent;
    }
}
