using EvalBot.Domain.FollowUps;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Tests.FollowUps;

public sealed class FollowUpRulesTests
{
    private static readonly FollowUpThresholds Law = new(2, 3, 50m, 2, 3);

    /// <summary>Counts high/medium/low, present, convened; the tasks opened, "-" when the vote is not valid.</summary>
    [Theory]
    [InlineData(10, 5, 5, 20, 30, "")]                                            // low 25 %: nothing
    [InlineData(5, 5, 10, 20, 30, "")]                                            // low exactly 50 %: not more than half
    [InlineData(4, 5, 11, 20, 30, "ConsiderResignation")]                         // 55 %
    [InlineData(3, 3, 14, 20, 30, "ConsiderRemoval")]                             // 70 % > 2/3: removal (Art. 53), not resignation
    [InlineData(2, 2, 8, 12, 18, "ConsiderResignation")]                          // 8/12 is exactly 2/3: not more
    [InlineData(0, 0, 20, 19, 30, "-")]                                           // 19 of 30 present: under the 2/3 quorum
    [InlineData(0, 0, 0, 20, 30, "-")]                                            // no ballot counted
    public void Rule38_a_valid_vote_with_more_than_half_low_confidence_opens_resignation_and_more_than_two_thirds_removal_instead(
        int high, int medium, int low, int present, int convened, string expected)
    {
        var outcome = FollowUpRules.Evaluate(new ConfidenceVote(new DateOnly(2026, 10, 1), high, medium, low, present, convened), Law);

        Assert.Equal(expected == "-" ? "" : expected, string.Join(' ', outcome.Tasks));
        Assert.Equal(expected != "-", outcome.Valid);
    }

    [Fact]
    public void Rule38_the_thresholds_come_from_configuration()
    {
        var vote = new ConfidenceVote(new DateOnly(2026, 10, 1), 6, 0, 4, 10, 10);

        Assert.Empty(FollowUpRules.Evaluate(vote, Law).Tasks);
        Assert.Equal([FollowUpKind.ConsiderResignation], FollowUpRules.Evaluate(vote, Law with { ResignationAbovePercent = 30m }).Tasks);
        Assert.Equal(40m, FollowUpRules.Evaluate(vote, Law).LowPercent);
    }

    [Theory]
    [InlineData(Level.NotComplete, Population.CivilServant, false, "DecideDismissal")]
    [InlineData(Level.NotComplete, Population.CivilServant, true, "DecideDismissal ConsiderLeaderRemoval")]
    [InlineData(Level.NotComplete, Population.PublicEmployee, true, "ConsiderLeaderRemoval")]
    [InlineData(Level.NotComplete, Population.PublicEmployee, false, "")]
    [InlineData(Level.Complete, Population.CivilServant, true, "")]
    [InlineData(Level.Good, Population.CivilServant, false, "")]
    public void Rule30_a_KHT_civil_servant_opens_the_dismissal_decision_and_a_KHT_leader_the_removal(Level level, Population population, bool leader, string expected)
    {
        Assert.Equal(expected, string.Join(' ', FollowUpRules.ForAnnualLevel(level, population, leader)));
    }
}
