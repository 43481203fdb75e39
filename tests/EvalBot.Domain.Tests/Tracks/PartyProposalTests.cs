using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tests.Support;
using EvalBot.Domain.Tracks;

namespace EvalBot.Domain.Tests.Tracks;

public class PartyProposalTests
{
    private static ClassificationResult YearOf(PersonYear year) => AnnualClassifier.Classify(year, Make.Qd366);

    private static PersonYear Member(TaskSummary? tasks = null) =>
        Make.Year(Make.Person(party: true), Make.Quarters(92m)) with { Tasks = tasks ?? Make.Tasks(exceeded: 4) };

    [Theory]
    [InlineData(27, 63, Level.Excellent)]
    [InlineData(26.99, 63, Level.Good)]
    [InlineData(20, 50, Level.Good)]
    [InlineData(19.99, 50, Level.Complete)]
    [InlineData(15, 35, Level.Complete)]
    [InlineData(14.99, 35, Level.NotComplete)]
    public void Rule07_the_band_of_the_self_rated_points(decimal general, decimal task, Level expected)
    {
        var proposal = PartyProposals.Propose(general, task, Make.Qd366, YearOf(Member()));

        Assert.Equal(ClassificationStatus.Rated, proposal.Status);
        Assert.Equal(expected, proposal.Level);
        Assert.Equal(general + task, proposal.Total);
    }

    [Theory]
    [InlineData(31, 60)]
    [InlineData(20, 71)]
    [InlineData(-1, 50)]
    public void Rule04_points_outside_30_and_70_are_rejected(decimal general, decimal task)
    {
        var proposal = PartyProposals.Propose(general, task, Make.Qd366, null);

        Assert.Equal(ClassificationStatus.Rejected, proposal.Status);
        Assert.Null(proposal.Level);
    }

    [Fact]
    public void Rule16_95_points_without_30_percent_of_tasks_exceeded_are_capped_at_HTT_with_the_condition_shown()
    {
        var proposal = PartyProposals.Propose(28m, 67m, Make.Qd366, YearOf(Member(Make.Tasks(exceeded: 1))));

        Assert.Equal(Level.Good, proposal.Level);
        Assert.Contains(proposal.Applications, a => a.RuleId.StartsWith("R16", StringComparison.Ordinal) || a.RuleId.StartsWith("R15", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule15_more_than_half_of_the_tasks_not_completed_is_KHT_whatever_the_points()
    {
        var proposal = PartyProposals.Propose(28m, 67m, Make.Qd366, YearOf(Member(Make.Tasks(total: 10, completed: 4, onTimeQuality: 4))));

        Assert.Equal(Level.NotComplete, proposal.Level);
    }

    [Fact]
    public void Rule19_a_member_admitted_under_six_months_before_the_review_is_not_rated()
    {
        var year = Member() with { PartyAdmissionDate = new DateOnly(2026, 9, 1) };

        var proposal = PartyProposals.Propose(28m, 67m, Make.Qd366, YearOf(year));

        Assert.Equal(ClassificationStatus.NotRated, proposal.Status);
        Assert.Contains(proposal.Applications, a => a.RuleId == "R19.new-member");
    }

    [Fact]
    public void A_member_without_scored_periods_is_rated_on_the_points_given()
    {
        var year = Make.Year(Make.Person(party: true), []);

        var proposal = PartyProposals.Propose(25m, 60m, Make.Qd366, YearOf(year));

        Assert.Equal((ClassificationStatus.Rated, Level.Good), (proposal.Status, proposal.Level));
    }

    [Theory]
    [InlineData(2026, 6, 10, false)]
    [InlineData(2026, 6, 11, true)]
    [InlineData(2026, 6, 9, false)]
    [InlineData(2020, 1, 1, false)]
    public void Rule19_members_admitted_under_six_months_before_the_review_are_left_off_the_list(int year, int month, int day, bool tooNew)
    {
        Assert.Equal(tooNew, PartyList.IsTooNew(new DateOnly(year, month, day), new DateOnly(2026, 12, 10), Make.Qd366));
        Assert.False(PartyList.IsTooNew(null, new DateOnly(2026, 12, 10), Make.Qd366));
    }

    [Fact]
    public void A_collective_is_proposed_on_its_points_alone()
    {
        var proposal = PartyProposals.Propose(27m, 64m, Make.Qd366, null);

        Assert.Equal(Level.Excellent, proposal.Level);
        Assert.Single(proposal.Applications);
    }
}
