using EvalBot.Domain.Review;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Tests.Review;

public class ReviewOpinionsTests
{
    public static TheoryData<string, decimal, bool, bool, bool> Transfers => new()
    {
        { "six months at the old unit, no comment", 6m, true, false, true },
        { "six months, the comment recorded", 6m, true, true, false },
        { "five months at the old unit", 5m, true, false, false },
        { "nine months, the old unit no longer exists", 9m, false, false, false },
        { "eleven months, no comment", 11m, true, false, true },
    };

    [Theory]
    [MemberData(nameof(Transfers))]
    public void Rule37_the_old_units_comment_after_a_long_enough_transfer_is_a_checklist_item_required_before_the_decision(
        string _, decimal months, bool oldUnitExists, bool hasComment, bool refused)
    {
        var threshold = Nd90Defaults.Create().TimeInYear.OldUnitCommentRequiredFromMonths;

        var refusal = ReviewOpinions.MayDecide(new TransferFile(months, oldUnitExists, hasComment), threshold);

        Assert.Equal(refused, refusal is not null);
        if (refused) Assert.Equal("R37", refusal!.RuleId);
    }

    [Fact]
    public void Rule37_no_transfer_or_no_threshold_asks_nothing()
    {
        Assert.Null(ReviewOpinions.MayDecide(null, 6m));
        Assert.Null(ReviewOpinions.MayDecide(new TransferFile(10m, true, false), null));
    }

    [Fact]
    public void Rule37_the_workplace_party_committee_comment_is_a_step_of_the_leaders_only()
    {
        Assert.Contains(ReviewStep.PartyCommitteeComment, ProcedureSettings.Nd90.Leaders);
        Assert.DoesNotContain(ReviewStep.PartyCommitteeComment, ProcedureSettings.Nd90.NonLeaders);
        var refusal = ReviewProcedure.MayDecide(ProcedureSettings.Nd90.Leaders,
            new Dictionary<ReviewStep, DateTimeOffset> { [ReviewStep.SelfAssessment] = DateTimeOffset.UnixEpoch, [ReviewStep.Meeting] = DateTimeOffset.UnixEpoch.AddDays(1) },
            DateTimeOffset.UnixEpoch.AddDays(9));
        Assert.Contains("cấp ủy", refusal!.TextVi, StringComparison.Ordinal);
    }
}
