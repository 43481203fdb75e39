using EvalBot.Domain.Classification;
using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Tests.Support;
using EvalBot.Domain.Tracks;

namespace EvalBot.Domain.Tests.Tracks;

/// <summary>Regulation 366 Art. 11 for a collective's Form 01: the band, the conditions of the higher levels and the KHT grounds.</summary>
public class CollectiveProposalsTests
{
    private const int Year = 2026;

    private static CollectiveYear Collective(
        int planned = 10, int done = 10, int onTime = 10, int exceeded = 3, int pointed = 2, int remedied = 2,
        CollectiveKind kind = CollectiveKind.Leadership, string? wrongdoing = null,
        DisciplineRecord[]? sanctions = null, DegradationFinding[]? degradations = null) =>
        new(Year, kind, new CollectiveTasks(planned, done, onTime, exceeded), pointed, remedied, wrongdoing, sanctions ?? [], degradations ?? []);

    private static DisciplineRecord Sanction(DisciplineSeverity severity, int year, bool dutyRelated = true) =>
        new("V-1", DisciplineKind.Party, severity, new DateOnly(year, 6, 1), dutyRelated);

    private static PartyProposal Propose(CollectiveYear year, decimal general = 28m, decimal task = 66m) =>
        CollectiveProposals.Propose(general, task, Make.Qd366, year);

    [Theory]
    [InlineData(27, 63, Level.Excellent)]
    [InlineData(26.99, 63, Level.Good)]
    [InlineData(20, 50, Level.Good)]
    [InlineData(19.99, 50, Level.Complete)]
    [InlineData(15, 35, Level.Complete)]
    [InlineData(14.99, 35, Level.NotComplete)]
    public void Rule07_collective_the_band_of_the_points_when_every_condition_is_met(decimal general, decimal task, Level expected)
    {
        var proposal = Propose(Collective(), general, task);

        Assert.Equal((ClassificationStatus.Rated, expected), (proposal.Status, proposal.Level));
        Assert.Equal("R07.bands", proposal.Applications[0].RuleId);
    }

    [Theory]
    [InlineData(10, 10, 10, 3, 2, 2, Level.Excellent, "R16.collective-excellent", "")]
    [InlineData(10, 10, 10, 2, 2, 2, Level.Good, "R16.collective-excellent", "20% exceeded (needs ≥ 30%)")]
    [InlineData(10, 10, 10, 3, 2, 1, Level.Good, "R16.collective-excellent", "1 of 2 shortcomings pointed out remedied (50%, needs 100%)")]
    [InlineData(10, 10, 10, 3, 0, 0, Level.Excellent, "R16.collective-excellent", "")]
    [InlineData(10, 10, 9, 3, 2, 2, Level.Complete, "R16.collective-excellent", "90% on time with quality (needs ≥ 100%)")]
    [InlineData(10, 9, 9, 3, 2, 2, Level.Complete, "R15.collective-gap", "90% of tasks done (needs ≥ 100%)")]
    public void Rule16_collective_HTXS_needs_every_task_on_time_30_percent_exceeded_and_every_shortcoming_remedied_else_HTT_with_the_missing_condition(
        int planned, int done, int onTime, int exceeded, int pointed, int remedied, Level expected, string rule, string missing)
    {
        var proposal = Propose(Collective(planned, done, onTime, exceeded, pointed, remedied));

        Assert.Equal(expected, proposal.Level);
        var last = proposal.Applications[^1];
        Assert.Equal(rule, last.RuleId);
        Assert.Contains(missing, last.TextEn, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(last.TextVi));
    }

    [Theory]
    [InlineData(DisciplineSeverity.Reprimand, Year, true, CollectiveKind.Other, Level.Good)]
    [InlineData(DisciplineSeverity.Warning, Year, true, CollectiveKind.Other, Level.Good)]
    [InlineData(DisciplineSeverity.Reprimand, Year - 1, true, CollectiveKind.Other, Level.Excellent)]
    [InlineData(DisciplineSeverity.Reprimand, Year, false, CollectiveKind.Other, Level.Excellent)]
    [InlineData(DisciplineSeverity.Reprimand, Year, true, CollectiveKind.Leadership, Level.NotComplete)]
    [InlineData(DisciplineSeverity.Reprimand, Year - 1, true, CollectiveKind.Leadership, Level.Excellent)]
    public void Rule16_collective_a_member_disciplined_in_the_year_keeps_a_collective_from_HTXS_and_makes_a_leadership_collective_KHT(
        DisciplineSeverity severity, int decidedIn, bool dutyRelated, CollectiveKind kind, Level expected)
    {
        var proposal = Propose(Collective(kind: kind, sanctions: [Sanction(severity, decidedIn, dutyRelated)]));

        Assert.Equal(expected, proposal.Level);
    }

    [Theory]
    [InlineData("wrongdoing", CollectiveKind.Leadership, Level.NotComplete, "R14.collective-wrongdoing")]
    [InlineData("degradation", CollectiveKind.Leadership, Level.NotComplete, "R14.collective-degradation")]
    [InlineData("discipline", CollectiveKind.Leadership, Level.NotComplete, "R14.collective-discipline")]
    [InlineData("below70", CollectiveKind.Leadership, Level.NotComplete, "R14.collective-unit-below")]
    [InlineData("at70", CollectiveKind.Leadership, Level.Complete, "R15.collective-gap")]
    [InlineData("wrongdoing", CollectiveKind.Other, Level.Excellent, "R16.collective-excellent")]
    [InlineData("degradation", CollectiveKind.Other, Level.Excellent, "R16.collective-excellent")]
    [InlineData("below70", CollectiveKind.Other, Level.Complete, "R15.collective-gap")]
    [InlineData("degradation-last-year", CollectiveKind.Leadership, Level.Excellent, "R16.collective-excellent")]
    public void Rule14_collective_the_KHT_grounds_of_a_leadership_collective_whatever_the_points(string ground, CollectiveKind kind, Level expected, string rule)
    {
        var year = ground switch
        {
            "wrongdoing" => Collective(kind: kind, wrongdoing: "Kết luận 12-KL/UBKT: mất đoàn kết nội bộ"),
            "degradation" => Collective(kind: kind, degradations: [new DegradationFinding(new DateOnly(Year, 3, 1), "KL-1")]),
            "degradation-last-year" => Collective(kind: kind, degradations: [new DegradationFinding(new DateOnly(Year - 1, 3, 1), "KL-1")]),
            "discipline" => Collective(kind: kind, sanctions: [Sanction(DisciplineSeverity.Reprimand, Year)]),
            "below70" => Collective(kind: kind, planned: 10, done: 6, onTime: 6, exceeded: 0),
            _ => Collective(kind: kind, planned: 10, done: 7, onTime: 7, exceeded: 0),
        };

        var proposal = Propose(year, 29m, 68m);

        Assert.Equal(expected, proposal.Level);
        var applied = Assert.Single(proposal.Applications, a => a.RuleId == rule);
        Assert.Equal(expected == Level.NotComplete ? RuleEffect.ForcesLevel : applied.Effect, applied.Effect);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, "planned")]
    [InlineData(10, 11, 10, 3, 0, 0, "done")]
    [InlineData(10, 8, 9, 3, 0, 0, "onTime")]
    [InlineData(10, 8, 8, 9, 0, 0, "exceeded")]
    [InlineData(10, 10, 10, 3, 1, 2, "remedied")]
    [InlineData(10, 10, 10, 3, -1, 0, "pointed")]
    public void Rule15_collective_inconsistent_task_figures_are_rejected_naming_the_field(int planned, int done, int onTime, int exceeded, int pointed, int remedied, string field)
    {
        var proposal = Propose(Collective(planned, done, onTime, exceeded, pointed, remedied));

        Assert.Equal(ClassificationStatus.Rejected, proposal.Status);
        Assert.Contains(field, Assert.Single(proposal.Applications).Inputs[0].Value.Split(','));
    }

    [Fact]
    public void Rule04_collective_points_outside_the_scale_are_rejected_before_the_conditions()
    {
        var proposal = Propose(Collective(), 31m, 60m);

        Assert.Equal(("R04.bounds", ClassificationStatus.Rejected), (proposal.Applications[0].RuleId, proposal.Status));
    }

    [Fact]
    public void Rule16_collective_thresholds_come_from_the_rule_set()
    {
        var lenient = Make.Qd366 with { Collective = Make.Qd366.Collective! with { Excellent = new LevelRequirement(100m, 100m, 10m, null, null) } };

        var proposal = CollectiveProposals.Propose(28m, 66m, lenient, Collective(exceeded: 1));

        Assert.Equal(Level.Excellent, proposal.Level);
    }
}
