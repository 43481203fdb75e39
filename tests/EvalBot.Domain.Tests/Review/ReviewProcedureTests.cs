using EvalBot.Domain.Review;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Tests.Review;

public class ReviewProcedureTests
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 3, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Deciding = T0.AddDays(20);

    private const ReviewStep M = ReviewStep.MonitoringRecords, S = ReviewStep.SelfAssessment, Meet = ReviewStep.Meeting,
        P = ReviewStep.PartyCommitteeComment, A = ReviewStep.AdvisoryProposal;

    // Each step listed is taken on the day of its position (day 1, 2, ...); "refused" names the step the refusal is about.
    public static TheoryData<string, string, bool, ReviewStep[], ReviewStep?> Cases => new()
    {
        { "ND90_48 non-leader, all steps in order", Nd90Defaults.Id, false, [S, Meet], null },
        { "ND90_48 non-leader without the meeting", Nd90Defaults.Id, false, [S], Meet },
        { "ND90_48 non-leader without the self-assessment", Nd90Defaults.Id, false, [Meet], S },
        { "ND90_48 non-leader, meeting before the self-assessment", Nd90Defaults.Id, false, [Meet, S], S },
        { "ND90_48 leader, all steps in order", Nd90Defaults.Id, true, [S, Meet, P, A], null },
        { "ND90_48 leader without the party-committee comment", Nd90Defaults.Id, true, [S, Meet, A], P },
        { "ND90_48 leader without the advisory proposal", Nd90Defaults.Id, true, [S, Meet, P], A },
        { "ND90_48 leader, proposal before the party-committee comment", Nd90Defaults.Id, true, [S, Meet, A, P], P },
        { "ND335, monitoring then self-assessment", Nd335Defaults.Id, false, [M, S], null },
        { "ND335 leader, the same steps", Nd335Defaults.Id, true, [M, S], null },
        { "ND335 without monitoring records", Nd335Defaults.Id, false, [S], M },
        { "ND335, self-assessment before the monitoring records", Nd335Defaults.Id, false, [S, M], M },
        { "ND335 asks no meeting", Nd335Defaults.Id, false, [M, S, Meet], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule23_a_rating_is_decided_only_when_the_steps_of_its_rule_set_have_timestamps_in_order(
        string _, string ruleSetId, bool leader, ReviewStep[] taken, ReviewStep? refused)
    {
        var steps = RuleSetCatalog.Defaults.Find(ruleSetId)!.Procedure!.For(leader);
        var done = taken.Select((s, i) => (s, at: T0.AddDays(i + 1))).ToDictionary(x => x.s, x => x.at);

        var refusal = ReviewProcedure.MayDecide(steps, done, Deciding);

        if (refused is null)
        {
            Assert.Null(refusal);
            return;
        }

        Assert.NotNull(refusal);
        Assert.Equal("R23", refusal.RuleId);
        Assert.Contains(ReviewProcedure.NameVi(refused.Value), refusal.TextVi, StringComparison.Ordinal);
        Assert.Contains(ReviewProcedure.NameEn(refused.Value), refusal.TextEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule23_a_step_dated_after_the_decision_is_refused()
    {
        var steps = ProcedureSettings.Nd90.NonLeaders;
        var done = new Dictionary<ReviewStep, DateTimeOffset> { [S] = T0, [Meet] = Deciding.AddHours(1) };

        var refusal = ReviewProcedure.MayDecide(steps, done, Deciding);

        Assert.Equal("R23", refusal?.RuleId);
        Assert.Contains("decision", refusal!.TextEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule23_the_procedure_is_rule_set_data_and_an_overlay_inherits_it()
    {
        Assert.Equal([S, Meet, P, A, ReviewStep.Decision, ReviewStep.Notice], Nd90Defaults.Create().Procedure!.Leaders);
        Assert.Equal([S, Meet, ReviewStep.Decision, ReviewStep.Notice], Nd90Defaults.Create().Procedure!.NonLeaders);
        Assert.Equal([M, S, ReviewStep.Decision, ReviewStep.Notice], Nd335Defaults.Create().Procedure!.NonLeaders);
        Assert.Null(Qd366Defaults.Create().Procedure);
        Assert.Equal([S, Meet], ReviewProcedure.Pending(ProcedureSettings.Nd90.NonLeaders, new Dictionary<ReviewStep, DateTimeOffset>()));
    }
}
