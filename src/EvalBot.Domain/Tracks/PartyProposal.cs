using EvalBot.Domain.Classification;
using EvalBot.Domain.Explanations;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Scoring;

namespace EvalBot.Domain.Tracks;

/// <summary>The level the points of a Party self-rating or verification reach, with why.</summary>
/// <param name="Status">Rated, not rated (rule 19), or rejected (points out of bounds, rule 4).</param>
/// <param name="Level">The level when rated.</param>
/// <param name="Total">General plus task points.</param>
/// <param name="Applications">The band and every condition of the year that lowered it, in order.</param>
public sealed record PartyProposal(ClassificationStatus Status, Level? Level, decimal Total, IReadOnlyList<RuleApplication> Applications);

/// <summary>
/// Regulation 366 Art. 10–11: the level proposed for a member's (or a collective's) group points. The band of the total
/// (rule 7) is lowered by what the year's records say under the Party rule-set, worked out by
/// <see cref="AnnualClassifier"/> on the same person-year: task conditions (rules 15–16), remediation (rule 35), leader
/// grounds (rule 14), discipline and findings (KHT whatever the points). A member the rules do not rate (admitted under
/// six months, rule 19) is not rated whatever the points.
/// </summary>
public static class PartyProposals
{
    private const string NewMemberRule = "R19.new-member";

    /// <summary>Proposes a level for <paramref name="general"/> + <paramref name="task"/> points.</summary>
    /// <param name="general">The general groups' points (…/30).</param>
    /// <param name="task">The task group's points (…/70).</param>
    /// <param name="ruleSet">The Party rule-set (QD366).</param>
    /// <param name="year">The year's classification under <paramref name="ruleSet"/>, or null for a collective (band only).</param>
    public static PartyProposal Propose(decimal general, decimal task, RuleSet ruleSet, ClassificationResult? year)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var total = general + task;
        var errors = ScoreBounds.Check(general, task, ruleSet);
        if (errors.Count > 0)
        {
            return new PartyProposal(ClassificationStatus.Rejected, null, total, [.. errors.Select(e => new RuleApplication("R04.bounds", ruleSet.Id,
                [Inputs.Of("error", e)], RuleEffect.Rejected, null, $"Điểm không hợp lệ: {e}.", $"Invalid points: {e}."))]);
        }

        // Only a member too new to be reviewed is not rated (rule 19); a year without scored periods is still rated on
        // the points the member and the advisory body give.
        if (year?.Status == ClassificationStatus.NotRated && year.Applications.Any(a => a.RuleId == NewMemberRule))
        {
            return new PartyProposal(ClassificationStatus.NotRated, null, total, [.. year.Applications.Where(a => a.RuleId == NewMemberRule)]);
        }

        var band = Bands.Explain(total, ruleSet);
        var level = band.Level ?? Level.NotComplete;
        var applications = new List<RuleApplication> { band };
        foreach (var limit in Limits(year))
        {
            if (limit.Level is not { } limited || !IsWorse(limited, level) && limit.Effect != RuleEffect.ForcesLevel) continue;
            level = Levels.Worse(level, limited);
            applications.Add(limit);
        }

        return new PartyProposal(ClassificationStatus.Rated, level, total, applications);
    }

    private static bool IsWorse(Level candidate, Level current) => (int)candidate > (int)current;

    /// <summary>The year's rules that limit the level, leaving out the band of the period average (the points replace it).</summary>
    private static IEnumerable<RuleApplication> Limits(ClassificationResult? year) =>
        year is null ? [] : year.Applications.Where(a => a.Level is not null && a.RuleId != "R07.bands"
            && a.Effect is RuleEffect.SetsLevel or RuleEffect.CapsLevel or RuleEffect.ForcesLevel);
}

/// <summary>Rule 19: who is on a year's Party review list.</summary>
public static class PartyList
{
    /// <summary>
    /// True when a member admitted on <paramref name="admitted"/> is left off the list reviewed on
    /// <paramref name="reviewDate"/>: admitted fewer months before than the rule-set's threshold (Reg. 366 Art. 5.2).
    /// </summary>
    public static bool IsTooNew(DateOnly? admitted, DateOnly reviewDate, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.TimeInYear.NewPartyMemberExcludedBelowMonths is { } months && admitted is { } day
            && TimeInYearRules.MonthsBetween(day, reviewDate) < months;
    }
}
