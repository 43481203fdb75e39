using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

public class PrerequisiteRulesTests
{
    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 }, new int[0], true, "")]
    [InlineData(new[] { 1, 2, 4 }, new int[0], false, "Q3")]
    [InlineData(new[] { 1, 2, 4 }, new[] { 3 }, true, "")]
    [InlineData(new[] { 3, 4 }, new[] { 1 }, false, "Q2")]
    public void Rule09_QD366_annual_record_links_every_quarter_or_justifies_the_missing_one(int[] quarters, int[] justified, bool canFinalise, string missing)
    {
        var periods = quarters.Select(q => Make.Scored(q, 80m, PeriodKind.Quarter)).ToList();
        var input = Make.Year(Make.Person(party: true), periods) with { JustifiedMissingQuarters = justified, Tasks = Make.Tasks() };

        var result = AnnualClassifier.Classify(input, Make.Qd366);

        Assert.Equal(canFinalise, result.CanFinalise);
        Assert.Equal(missing, result.MissingPrerequisites.SingleOrDefault()?.Inputs[0].Value ?? "");
    }

    [Theory]
    [InlineData(6, true, false, false)]
    [InlineData(6, true, true, true)]
    [InlineData(5.5, true, false, true)]
    [InlineData(8, false, false, true)]
    public void Rule20_ND90_48_old_unit_written_comment_is_required_after_six_months_there_unless_it_no_longer_exists(decimal monthsAtOld, bool oldExists, bool commentReceived, bool canFinalise)
    {
        var input = Make.Year(Make.Person(Population.PublicEmployee), [], 2025) with
        {
            Tasks = Make.Tasks(exceeded: 6),
            Transfers = [new Transfer("OLD", new DateOnly(2025, 7, 1), monthsAtOld, oldExists, commentReceived)],
        };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        Assert.Equal(Level.Excellent, result.Level);
        Assert.Equal(canFinalise, result.CanFinalise);
    }

    [Theory]
    [InlineData("OLD", 1, 0)]
    [InlineData("NEW", 0, 1)]
    public void Rule20_QD366_a_violation_at_the_old_unit_disciplined_after_transfer_is_charged_to_the_old_collective(string unit, int fromOldAct, int fromNewAct)
    {
        var oldAct = new DisciplineRecord("V-old", DisciplineKind.Party, DisciplineSeverity.Reprimand, new DateOnly(2026, 9, 1), CommittedAtUnitId: "OLD");
        var newAct = new DisciplineRecord("V-new", DisciplineKind.Party, DisciplineSeverity.Reprimand, new DateOnly(2026, 10, 1));

        var charged = CollectiveCharges.ChargedTo(unit, 2026, [("NEW", oldAct), ("NEW", newAct)]);

        Assert.Equal(fromOldAct, charged.Count(c => c.ViolationId == "V-old"));
        Assert.Equal(fromNewAct, charged.Count(c => c.ViolationId == "V-new"));
    }
}
