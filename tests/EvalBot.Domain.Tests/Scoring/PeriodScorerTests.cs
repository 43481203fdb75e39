using EvalBot.Domain.Records;
using EvalBot.Domain.Scoring;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Scoring;

public class PeriodScorerTests
{
    private static PeriodReport Period(params ProductReport[] products) =>
        new(new Period(2026, PeriodKind.Month, 3, "U1"), WorkStatus.Worked, products, 30m);

    [Theory]
    [InlineData(0, 0, "none", 100, 100)]
    [InlineData(1, 0, "none", 75, 100)]
    [InlineData(2, 1, "none", 50, 75)]
    [InlineData(4, 4, "none", 0, 0)]
    [InlineData(7, 9, "none", 0, 0)]
    [InlineData(1, 1, "valid", 100, 100)]
    [InlineData(1, 1, "no-document", 75, 75)]
    [InlineData(1, 1, "no-approver", 75, 75)]
    public void Rule05_each_failed_check_or_delay_costs_25_percent_of_the_product_points_unless_exempted(int failed, int delays, string exemption, decimal quality, decimal progress)
    {
        ObjectiveCauseExemption? ex = exemption switch
        {
            "valid" => new("Trưởng phòng Nguyễn Văn A", "CV 12/2026"),
            "no-document" => new("Trưởng phòng Nguyễn Văn A", ""),
            "no-approver" => new(" ", "CV 12/2026"),
            _ => null,
        };
        var product = Make.Product(quantity: 10m, factor: 2m);

        var score = PeriodScorer.Score(Period(Make.Report(product, 10m, failed: failed, delays: delays, exemption: ex)), Make.Nd335, isLeader: false);

        Assert.Equal(100m, score.QuantityPercent);
        Assert.Equal(quality, score.QualityPercent);
        Assert.Equal(progress, score.ProgressPercent);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("valid")]
    [InlineData("no-document")]
    public void Rule05_deductions_are_explained_in_each_language_with_no_internal_name(string exemption)
    {
        ObjectiveCauseExemption? ex = exemption switch
        {
            "valid" => new("Trưởng phòng Nguyễn Văn A", "CV 12/2026"),
            "no-document" => new("Trưởng phòng Nguyễn Văn A", ""),
            _ => null,
        };
        var product = Make.Product(quantity: 10m, factor: 2m);

        var score = PeriodScorer.Score(Period(Make.Report(product, 10m, failed: 1, delays: 1, exemption: ex)), Make.Nd335, isLeader: false);

        var lines = score.Applications.Where(a => a.RuleId is "R05.deduction" or "R05.exemption").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, a => Assert.DoesNotContain("failedQualityChecks", a.TextEn, StringComparison.Ordinal));
        Assert.All(lines, a => Assert.DoesNotContain("delays", a.TextEn, StringComparison.Ordinal));
        Assert.All(lines, a => Assert.DoesNotContain("miễn trừ", a.TextEn, StringComparison.Ordinal));
        Assert.All(lines, a => Assert.DoesNotContain("exemption", a.TextVi, StringComparison.Ordinal));
        Assert.Contains(lines, a => a.TextEn.Contains("quality", StringComparison.Ordinal));
        Assert.Contains(lines, a => a.TextEn.Contains("timeliness", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10, 0, 50)]
    [InlineData(10, 5, 100)]
    [InlineData(0, 5, 50)]
    [InlineData(5, 2.5, 50)]
    [InlineData(20, 10, 100)]
    public void Rule05_percentages_are_in_converted_units(decimal doneA, decimal doneB, decimal quantity)
    {
        var a = Make.Product("A", quantity: 10m, factor: 1m);
        var b = Make.Product("B", quantity: 5m, factor: 2m);

        var score = PeriodScorer.Score(Period(Make.Report(a, doneA), Make.Report(b, doneB)), Make.Nd335, isLeader: false);

        Assert.Equal(quantity, score.QuantityPercent);
    }

    [Theory]
    [InlineData(100, 70, 100)]
    [InlineData(50, 35, 65)]
    [InlineData(0, 0, 30)]
    public void Rule05_task_points_are_the_mean_of_the_three_percentages_on_the_70_point_scale(decimal done, decimal taskPoints, decimal total)
    {
        var score = PeriodScorer.Score(Period(Make.Report(Make.Product(), done)), Make.Nd335, isLeader: false);

        Assert.Equal(taskPoints, score.TaskPoints);
        Assert.Equal(total, score.Total);
    }

    [Theory]
    [InlineData(new[] { Level.Good, Level.Complete }, 100, 70)]
    [InlineData(new[] { Level.Good, Level.NotComplete }, 50, 63)]
    public void Rule05_a_leader_unit_component_is_100_percent_or_50_percent_when_any_subordinate_is_KHT(Level[] subordinates, decimal unit, decimal taskPoints)
    {
        var report = Period(Make.Report(Make.Product(), 100m)) with { Leader = new LeaderPeriodInputs(subordinates, 100m) };

        var score = PeriodScorer.Score(report, Make.Nd335, isLeader: true);

        Assert.Equal(unit, LeaderComponents.UnitResultPercent(subordinates, Make.Nd335.PeriodScoring));
        Assert.Equal(taskPoints, score.TaskPoints);
    }
}
