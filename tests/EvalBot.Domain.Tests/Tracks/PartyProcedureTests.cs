using EvalBot.Domain.Tracks;

namespace EvalBot.Domain.Tests.Tracks;

public class PartyProcedureTests
{
    private static readonly PartyCase Verified = new(PartyStep.Verified, IsCollective: false, StateRatingDecided: true);

    public static TheoryData<string, PartyCase, bool> StateFirst => new()
    {
        { "state rating decided", new(PartyStep.Open, false, StateRatingDecided: true), true },
        { "state rating not decided", new(PartyStep.Open, false, StateRatingDecided: false), false },
        { "member outside the system", new(PartyStep.Open, false, StateRatingDecided: false, HasStateTrack: false), true },
        { "a collective has no state rating", new(PartyStep.Open, true, StateRatingDecided: false), true },
    };

    [Theory]
    [MemberData(nameof(StateFirst))]
    public void Rule02_the_party_rating_opens_only_after_the_state_rating_of_the_year_is_decided(string _, PartyCase c, bool allowed)
    {
        var selfRate = PartyProcedure.MaySelfRate(c);
        var decide = PartyProcedure.MayDecide(c with { Step = PartyStep.Verified });

        Assert.Equal(allowed, selfRate.Count == 0);
        Assert.Equal(allowed, decide.Count == 0);
        if (!allowed) Assert.All(selfRate, r => Assert.Equal("R02", r.RuleId));
    }

    public static TheoryData<string, string, PartyStep, int, bool> Steps => new()
    {
        { "self-rate an open rating", "self", PartyStep.Open, 0, true },
        { "revise the self-rating before verification", "self", PartyStep.SelfRated, 0, true },
        { "self-rate after verification", "self", PartyStep.Verified, 0, false },
        { "verify without a self-rating", "verify", PartyStep.Open, 0, false },
        { "verify a self-rating", "verify", PartyStep.SelfRated, 0, true },
        { "verify again before the decision", "verify", PartyStep.Verified, 0, true },
        { "decide without verification", "decide", PartyStep.SelfRated, 0, false },
        { "decide a verified rating", "decide", PartyStep.Verified, 0, true },
        { "decide with an unchecked complaint", "decide", PartyStep.Verified, 1, false },
        { "decide twice", "decide", PartyStep.Decided, 0, false },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Rule31_self_rating_verification_and_decision_in_order_and_a_complaint_blocks_the_decision(string _, string step, PartyStep at, int complaints, bool allowed)
    {
        var c = Verified with { Step = at, UncheckedComplaints = complaints };

        var refusals = step switch
        {
            "self" => PartyProcedure.MaySelfRate(c),
            "verify" => PartyProcedure.MayVerify(c),
            _ => PartyProcedure.MayDecide(c),
        };

        Assert.Equal(allowed, refusals.Count == 0);
        Assert.All(refusals, r => Assert.Equal("R31", r.RuleId));
    }

    public static TheoryData<string, bool, CollectiveStanding[], bool> Order => new()
    {
        { "a head before their leadership collective is decided", false, [new("Tập thể lãnh đạo", false)], false },
        { "a head after their leadership collective", false, [new("Tập thể lãnh đạo", true)], true },
        { "a member before one of two collectives", false, [new("Chi bộ", true), new("Tập thể lãnh đạo", false)], false },
        { "a higher collective before a lower one", true, [new("Chi bộ 1", false)], false },
        { "a higher collective after the lower ones", true, [new("Chi bộ 1", true), new("Chi bộ 2", true)], true },
        { "a member of no collective", false, [], true },
    };

    [Theory]
    [MemberData(nameof(Order))]
    public void Rule32_collectives_before_their_members_and_lower_collectives_before_higher(string _, bool collective, CollectiveStanding[] first, bool allowed)
    {
        var c = Verified with { IsCollective = collective, DecideFirst = first };

        var refusals = PartyProcedure.MayDecide(c);

        Assert.Equal(allowed, refusals.Count == 0);
        Assert.All(refusals, r => Assert.Equal("R32", r.RuleId));
        foreach (var pending in first.Where(f => !f.Decided)) Assert.Contains(refusals, r => r.TextVi.Contains(pending.Name, StringComparison.Ordinal));
    }

    public static TheoryData<string, int?, int?, int> Places => new()
    {
        { "both reviews, the cell first", 10, 12, 0 },
        { "both reviews on the same day", 10, 10, 0 },
        { "the leadership collective before the cell", 12, 10, 1 },
        { "only the cell review", 10, null, 1 },
        { "no review recorded", null, null, 2 },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void Rule33_a_leader_needs_the_cell_review_and_then_the_leadership_collective_review(string _, int? cellDay, int? collectiveDay, int refusalCount)
    {
        var c = Verified with
        {
            IsLeader = true,
            CellReviewedOn = cellDay is { } d1 ? new DateOnly(2026, 12, d1) : null,
            CollectiveReviewedOn = collectiveDay is { } d2 ? new DateOnly(2026, 12, d2) : null,
        };

        var refusals = PartyProcedure.MayDecide(c);

        Assert.Equal(refusalCount, refusals.Count);
        Assert.All(refusals, r => Assert.Equal("R33", r.RuleId));
        Assert.Empty(PartyProcedure.MayDecide(c with { IsLeader = false }));
    }

    [Fact]
    public void Every_reason_is_given_at_once_in_both_languages()
    {
        var c = new PartyCase(PartyStep.SelfRated, false, StateRatingDecided: false) { UncheckedComplaints = 1, DecideFirst = [new("Tập thể lãnh đạo", false)], IsLeader = true };

        var refusals = PartyProcedure.MayDecide(c);

        Assert.Equal(["R31", "R31", "R02", "R32", "R33", "R33"], refusals.Select(r => r.RuleId));
        Assert.All(refusals, r => Assert.False(string.IsNullOrWhiteSpace(r.TextVi) || string.IsNullOrWhiteSpace(r.TextEn)));
    }
}
