using EvalBot.Domain.Records;
using EvalBot.Domain.Scoring;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Scoring;

public class ProductQuantificationTests
{
    public static TheoryData<AssignedProduct, string> Cases => new()
    {
        { new("a", 10m, 1m, new DateOnly(2026, 3, 31), "đạt"), "" },
        { new("a", null, 1m, new DateOnly(2026, 3, 31), "đạt"), "quantity" },
        { new("a", 0m, 1m, new DateOnly(2026, 3, 31), "đạt"), "quantity" },
        { new("a", 10m, null, new DateOnly(2026, 3, 31), "đạt"), "conversionFactor" },
        { new("a", 10m, 1m, null, "đạt"), "deadline" },
        { new("a", 10m, 1m, new DateOnly(2026, 3, 31), " "), "qualityRequirement" },
        { new("a", null, null, null, null), "quantity, conversionFactor, deadline, qualityRequirement" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule06_a_product_counts_only_with_quantity_factor_deadline_and_quality_check(AssignedProduct product, string missing)
    {
        Assert.Equal(missing, string.Join(", ", ProductQuantification.Missing(product)));
    }

    [Theory]
    [InlineData(true, 50)]
    [InlineData(false, 100)]
    public void Rule06_an_unquantified_product_is_not_counted_and_is_named_in_the_explanation(bool quantified, decimal quantity)
    {
        var counted = Make.Product("A");
        var other = quantified ? Make.Product("B") : Make.Product("B") with { Deadline = null };
        var report = new PeriodReport(new Period(2026, PeriodKind.Month, 1, "U1"), WorkStatus.Worked, [Make.Report(counted, 100m), Make.Report(other, 0m)], 30m);

        var score = PeriodScorer.Score(report, Make.Nd335, isLeader: false);

        Assert.Equal(quantity, score.QuantityPercent);
        Assert.Equal(!quantified, score.Applications.Any(a => a.RuleId == "R06.quantified" && a.TextVi.Contains("thiếu thời hạn", StringComparison.Ordinal) && a.TextEn.Contains("deadline missing", StringComparison.Ordinal)));
    }
}
