using EvalBot.Features.PeerFeedback;

namespace EvalBot.Tests.Features.PeerFeedback;

public sealed class ReviewerSelectionTests
{
    private const string Period = "2026-Q3";

    /// <summary>A unit of <paramref name="size"/> people in one group, led by person 1 (head) who leads everyone.</summary>
    private static List<SelectionCandidate> Unit(int size, int k = 3, long unitId = 1, long firstId = 1) =>
        [.. Enumerable.Range(0, size).Select(i => new SelectionCandidate(
            firstId + i, unitId, GroupId: 10 * unitId, ManagerId: i == 0 ? null : firstId, UnitHeadId: firstId,
            IsLeader: i == 0, CanReview: true, IsSubject: true, Wanted: k))];

    [Fact]
    public void Nobody_reviews_themselves_their_leader_never_reviews_them_and_the_cap_holds()
    {
        var people = Unit(12);

        var chosen = ReviewerSelection.Select(Period, people, [], maxPerReviewer: 4, upward: true);

        Assert.DoesNotContain(chosen, a => a.ReviewerId == a.SubjectId);
        Assert.DoesNotContain(chosen, a => a.ReviewerId == 1 && a.SubjectId != 1);
        Assert.All(chosen.GroupBy(a => a.ReviewerId), g => Assert.True(g.Count() <= 4));
        Assert.Equal(chosen.Count, chosen.Select(a => (a.SubjectId, a.ReviewerId)).Distinct().Count());
    }

    [Fact]
    public void Every_person_gets_K_reviewers_and_leaders_also_get_upward_ones_when_capacity_allows()
    {
        var people = Unit(12);

        var chosen = ReviewerSelection.Select(Period, people, [], maxPerReviewer: 4, upward: true);

        Assert.All(people.Skip(1), p => Assert.Equal(3, chosen.Count(a => a.SubjectId == p.Id)));
        Assert.Equal(3, chosen.Count(a => a.SubjectId == 1 && a.Relation == ReviewerSelection.Upward));
    }

    [Fact]
    public void Load_is_balanced_the_busiest_reviewer_has_at_most_one_more_than_the_least_busy()
    {
        var people = Unit(10, k: 3);

        var chosen = ReviewerSelection.Select(Period, people, [], maxPerReviewer: 10, upward: false);

        var loads = people.Where(p => p.Id != 1).Select(p => chosen.Count(a => a.ReviewerId == p.Id)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public void The_same_inputs_give_the_same_reviewers_and_a_rerun_adds_nothing()
    {
        var people = Unit(9);

        var first = ReviewerSelection.Select(Period, people, [], 4, true);
        var again = ReviewerSelection.Select(Period, people, [], 4, true);
        var rerun = ReviewerSelection.Select(Period, people, first, 4, true);

        Assert.Equal(first, again);
        Assert.Empty(rerun);
        Assert.NotEqual(first, ReviewerSelection.Select("2026-Q4", people, [], 4, true));
    }

    [Fact]
    public void A_small_group_falls_back_to_the_unit_and_group_members_come_first()
    {
        var people = Unit(6);
        people[2] = people[2] with { GroupId = 99 };
        people[3] = people[3] with { GroupId = 99 };

        var chosen = ReviewerSelection.Select(Period, people, [], 10, false);

        var forThree = chosen.Where(a => a.SubjectId == 3).Select(a => a.ReviewerId).ToList();
        Assert.Equal(3, forThree.Count);
        Assert.Contains(4L, forThree);
    }

    [Fact]
    public void People_who_cannot_review_are_not_asked_and_people_away_all_period_are_not_reviewed()
    {
        var people = Unit(8);
        people[4] = people[4] with { CanReview = false };
        people[5] = people[5] with { IsSubject = false };

        var chosen = ReviewerSelection.Select(Period, people, [], 4, true);

        Assert.DoesNotContain(chosen, a => a.ReviewerId == people[4].Id);
        Assert.DoesNotContain(chosen, a => a.SubjectId == people[5].Id);
    }

    [Fact]
    public void A_replaced_reviewer_is_not_chosen_again_for_that_person()
    {
        var people = Unit(8);
        var first = ReviewerSelection.Select(Period, people, [], 4, false).ToList();
        var dropped = first.First(a => a.SubjectId == 2);
        var existing = first.Where(a => a != dropped).Append(dropped with { Relation = ReviewerSelection.Replaced }).ToList();

        var topUp = ReviewerSelection.Select(Period, people, existing, 4, false);

        var added = Assert.Single(topUp, a => a.SubjectId == 2);
        Assert.NotEqual(dropped.ReviewerId, added.ReviewerId);
    }
}
