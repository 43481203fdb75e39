using EvalBot.Domain.Records;

namespace EvalBot.Domain.FollowUps;

/// <summary>What a rating or a vote obliges the competent level to consider, as a task with a deadline.</summary>
public enum FollowUpKind
{
    /// <summary>More than half of the valid ballots "low confidence": consider resignation or a lower post (Decree 170 Art. 52; rule 38).</summary>
    ConsiderResignation = 0,

    /// <summary>More than two thirds "low confidence": consider removal from the post (Decree 170 Art. 53; rule 38), instead of resignation.</summary>
    ConsiderRemoval = 1,

    /// <summary>A civil servant rated KHT: the head decides on dismissal (Decree 170 Art. 57.3; rule 30).</summary>
    DecideDismissal = 2,

    /// <summary>A leader rated KHT: consider removal (miễn nhiệm) (Decree 170 Art. 53; rule 30).</summary>
    ConsiderLeaderRemoval = 3,
}

/// <summary>
/// The thresholds of the follow-up rules, from configuration: the vote's quorum (present ≥ numerator/denominator of
/// convened), the share of low-confidence ballots above which resignation is considered (percent), and the fraction
/// above which removal is.
/// </summary>
public sealed record FollowUpThresholds(int QuorumNumerator, int QuorumDenominator, decimal ResignationAbovePercent, int RemovalAboveNumerator, int RemovalAboveDenominator);

/// <summary>A vote's outcome: whether it counts (quorum and ballots), the low share, and the tasks it opens.</summary>
public sealed record VoteOutcome(bool Valid, decimal LowPercent, IReadOnlyList<FollowUpKind> Tasks);

/// <summary>Rules 30 and 38: which follow-up tasks a confidence vote or an annual level opens.</summary>
public static class FollowUpRules
{
    /// <summary>
    /// Rule 38: a vote is valid only when present ≥ the quorum of convened and some ballot was counted; then more than
    /// <see cref="FollowUpThresholds.ResignationAbovePercent"/> low-confidence ballots open "consider resignation or a
    /// lower post" (Decree 170 Art. 52, up to the removal fraction), and more than the removal fraction "consider removal"
    /// instead (Art. 53).
    /// </summary>
    public static VoteOutcome Evaluate(ConfidenceVote vote, FollowUpThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(thresholds);
        var ballots = vote.ValidBallots;
        var quorum = (long)vote.Present * thresholds.QuorumDenominator >= (long)vote.Convened * thresholds.QuorumNumerator;
        if (!quorum || ballots == 0 || vote.Convened <= 0) return new VoteOutcome(false, 0m, []);
        var lowPercent = 100m * vote.Low / ballots;
        // Art. 52 considers resignation for more than half but not more than the removal fraction; above it, Art. 53 removal.
        IReadOnlyList<FollowUpKind> tasks = (long)vote.Low * thresholds.RemovalAboveDenominator > (long)ballots * thresholds.RemovalAboveNumerator
            ? [FollowUpKind.ConsiderRemoval]
            : lowPercent > thresholds.ResignationAbovePercent ? [FollowUpKind.ConsiderResignation] : [];
        return new VoteOutcome(true, lowPercent, tasks);
    }

    /// <summary>
    /// Rule 30: a KHT annual level opens the dismissal decision for a civil servant, and for a leader (of any population)
    /// the consideration of removal as well; other levels and other people open nothing.
    /// </summary>
    public static IReadOnlyList<FollowUpKind> ForAnnualLevel(Level level, Population population, bool isLeader)
    {
        if (level != Level.NotComplete) return [];
        var tasks = new List<FollowUpKind>();
        if (population == Population.CivilServant) tasks.Add(FollowUpKind.DecideDismissal);
        if (isLeader) tasks.Add(FollowUpKind.ConsiderLeaderRemoval);
        return tasks;
    }
}
