using System.Text.RegularExpressions;
using EvalBot.Domain.Records;
using EvalBot.Domain.Scoring;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Scoring;

/// <summary>What a person reads in a period's explanation: products by title, periods by name, no field names.</summary>
public sealed partial class ExplanationWordingTests
{
    private static PeriodScore Score()
    {
        var titled = Make.Product("T-2026-Q2-CVTH-2") with { Title = "Soạn thảo văn bản" };
        var untitled = Make.Product("T-2026-Q2-CVTH-3") with { Title = "Tổng hợp báo cáo", Deadline = null, ConversionFactor = null };
        var report = new PeriodReport(new Period(2026, PeriodKind.Quarter, 2, "U1"), WorkStatus.Worked,
            [Make.Report(titled, 10m, quality: 8m, onTime: 7m, failed: 1, delays: 2), Make.Report(untitled, 5m)], 25m);
        return PeriodScorer.Score(report, Make.Nd335, isLeader: false);
    }

    [Fact]
    public void Names_each_product_by_its_title_with_the_code_only_in_brackets()
    {
        var lines = Score().Applications.Where(a => a.TextVi.Contains("CVTH", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, a => Assert.Matches("Sản phẩm “[^”]+” \\(mã T-2026-Q2-CVTH-\\d\\)", a.TextVi));
        Assert.All(lines, a => Assert.Matches("Product “[^”]+” \\(code T-2026-Q2-CVTH-\\d\\)", a.TextEn));
    }

    [Fact]
    public void Uses_no_internal_field_name_in_either_language()
    {
        foreach (var a in Score().Applications)
        {
            Assert.DoesNotMatch(CamelCase(), a.TextEn);
            Assert.DoesNotMatch(CamelCase(), a.TextVi);
        }
    }

    [Fact]
    public void Names_the_period_as_every_card_does()
    {
        var period = Score().Applications.Single(a => a.RuleId == "R05.period");

        Assert.StartsWith("Quý 2/2026:", period.TextVi, StringComparison.Ordinal);
        Assert.StartsWith("Q2 2026:", period.TextEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_missing_quarters_as_periods_too()
    {
        var person = Make.Person(party: true);
        var year = Make.Year(person, [Make.Scored(1, 80m, PeriodKind.Quarter), Make.Scored(2, 80m, PeriodKind.Quarter)]);

        var missing = Domain.Classification.AnnualClassifier.Classify(year, Make.Qd366).Applications.Single(a => a.RuleId == "R09.quarters");

        Assert.Contains("(Quý 3/2026, Quý 4/2026)", missing.TextVi, StringComparison.Ordinal);
        Assert.Contains("(Q3 2026, Q4 2026)", missing.TextEn, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b[a-z]+[A-Z][a-zA-Z]*\b")]
    private static partial Regex CamelCase();
}
