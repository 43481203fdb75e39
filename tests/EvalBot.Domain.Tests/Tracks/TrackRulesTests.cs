using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Tracks;

namespace EvalBot.Domain.Tests.Tracks;

public class TrackRulesTests
{
    private static readonly FinalRating State2026 = new("p1", 2026, Track.State, "ND335", "chuyên viên");
    private static readonly FinalRating Party2026 = new("p1", 2026, Track.Party, "QD366", "chuyên viên");

    public static TheoryData<string, FinalRating[], bool, bool> Cases => new()
    {
        { "no state rating yet", [], true, false },
        { "state rating of another year", [State2026 with { Year = 2025 }], true, false },
        { "state rating final", [State2026], true, true },
        { "member outside the system has no state rating", [], false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule02_party_rating_waits_for_the_final_state_rating_of_the_same_year(string _, FinalRating[] existing, bool hasStateTrack, bool allowed)
    {
        var decision = TrackRules.CanFinalise(Party2026, existing, hasStateTrack);

        Assert.Equal(allowed, decision.Allowed);
    }

    [Theory]
    [InlineData("p1", 2026, false)]
    [InlineData("p1", 2025, true)]
    [InlineData("p2", 2026, true)]
    public void Rule03_two_final_state_ratings_for_the_same_person_and_year_are_refused(string person, int year, bool allowed)
    {
        var second = new FinalRating(person, year, Track.State, "ND335", "phó trưởng phòng");

        Assert.Equal(allowed, TrackRules.CanFinalise(second, [State2026]).Allowed);
    }

    [Theory]
    [InlineData(new[] { 1, 3, 2 }, "post3")]
    [InlineData(new[] { 5 }, "post5")]
    [InlineData(new[] { 4, 4 }, "post4")]
    public void Rule03_a_person_with_several_posts_is_rated_at_the_highest(int[] ranks, string expected)
    {
        var posts = ranks.Select(r => new Post("post" + r, r)).ToList();

        Assert.Equal(expected, TrackRules.HighestPost(posts).Id);
    }
}
