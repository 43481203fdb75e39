using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

public class TransferRulesTests
{
    private static readonly Transfer MovedInJuly = new("OLD", new DateOnly(2026, 7, 1), 6m);

    private static PeriodReport OldUnit(int quarter, decimal total, decimal general = 0m) =>
        new(new Period(2026, PeriodKind.Quarter, quarter, "OLD"), WorkStatus.Worked, [], general, "OLD") { ImportedTotal = total };

    /// <summary>Q3 and Q4 at the new unit at 80; the old unit's Q1 and Q2 as given (null: neither confirmed nor imported).</summary>
    [Theory]
    [InlineData(60, 60, ClassificationStatus.Rated, 70, "")]
    [InlineData(100, 100, ClassificationStatus.Rated, 90, "")]
    [InlineData(60, null, ClassificationStatus.NeedsAuthorityDecision, null, "2026-Q2")]
    [InlineData(null, null, ClassificationStatus.NeedsAuthorityDecision, null, "2026-Q1, 2026-Q2")]
    public void Rule20_ND335_the_old_units_period_scores_are_averaged_and_a_missing_one_flags_the_person(int? q1, int? q2, ClassificationStatus status, int? score, string missing)
    {
        var periods = new List<PeriodReport> { Make.Scored(3, 80m, PeriodKind.Quarter), Make.Scored(4, 80m, PeriodKind.Quarter) };
        if (q1 is { } a) periods.Add(OldUnit(1, a));
        if (q2 is { } b) periods.Add(OldUnit(2, b, 20m));
        var input = Make.Year(Make.Person(), periods) with { Transfers = [MovedInJuly] };

        var result = AnnualClassifier.Classify(input, Make.Nd335);

        Assert.Equal(status, result.Status);
        Assert.Equal(score, result.Score is { } s ? (int?)s : null);
        var flag = result.Applications.SingleOrDefault(x => x.RuleId == "R20.old-unit-scores-missing");
        Assert.Equal(missing, flag?.Inputs[0].Value ?? "");
        if (flag is not null)
        {
            Assert.Null(result.Level);
            Assert.Contains("không tính điểm bình quân trên một phần năm", flag.TextVi, StringComparison.Ordinal);
            Assert.Contains("not averaged on part of it", flag.TextEn, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(PeriodKind.Month, 3, "")]
    [InlineData(PeriodKind.Month, 2, "2026-03")]
    [InlineData(PeriodKind.Quarter, 3, "")]
    public void Rule20_ND335_a_period_ending_after_the_move_and_leave_periods_need_no_old_unit_score(PeriodKind kind, int confirmedMonths, string missing)
    {
        // Moved on 15 April: January to March are before the move; April is scored by the new unit.
        var periods = new List<PeriodReport> { Make.Leave(1, WorkStatus.MaternityLeave) };
        periods.AddRange(Enumerable.Range(2, confirmedMonths - 1).Select(m => Make.Scored(m, 80m)));
        periods.AddRange(Enumerable.Range(4, 9).Select(m => Make.Scored(m, 80m)));
        var input = Make.Year(Make.Person(), periods) with { Transfers = [new Transfer("OLD", new DateOnly(2026, 4, 15), 3.5m)], MonitoringPeriodKind = kind };

        var found = TransferRules.MissingBeforeTransfer(input);

        Assert.Equal(missing, string.Join(", ", found.Select(p => p.Label)));
    }

    [Theory]
    [InlineData(null, "2026-Q1, 2026-Q2")]
    [InlineData("2026-04-01", "2026-Q2")]
    [InlineData("2026-06-30", "2026-Q2")]
    [InlineData("2026-07-01", "")]
    public void Rule20_ND335_periods_that_ended_before_the_person_was_hired_need_no_score(string? hired, string missing)
    {
        var input = Make.Year(Make.Person(), [Make.Scored(3, 80m, PeriodKind.Quarter), Make.Scored(4, 80m, PeriodKind.Quarter)]) with
        {
            Transfers = [MovedInJuly],
            EmployedFrom = hired is null ? null : DateOnly.Parse(hired, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(missing, string.Join(", ", TransferRules.MissingBeforeTransfer(input).Select(p => p.Label)));
    }

    [Fact]
    public void Rule20_ND90_48_does_not_ask_for_the_old_units_scores()
    {
        var input = Make.Year(Make.Person(Population.PublicEmployee), [], 2025) with
        {
            Tasks = Make.Tasks(exceeded: 6),
            Transfers = [new Transfer("OLD", new DateOnly(2025, 7, 1), 6m, OldUnitCommentReceived: true)],
        };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        Assert.DoesNotContain(result.Applications, a => a.RuleId == "R20.old-unit-scores-missing");
    }

    [Fact]
    public void Rule04_an_old_unit_total_above_the_scale_is_rejected()
    {
        var input = Make.Year(Make.Person(), [OldUnit(1, 101m), Make.Scored(2, 80m, PeriodKind.Quarter)]) with { Transfers = [new Transfer("OLD", new DateOnly(2026, 4, 1), 3m)] };

        var result = AnnualClassifier.Classify(input, Make.Nd335);

        Assert.Equal(ClassificationStatus.Rejected, result.Status);
    }

    /// <summary>The first day counted at the unit a transfer leaves: 1 January, the hire date or the transfer before it, whichever is latest.</summary>
    [Theory]
    [InlineData(null, null, "2026-01-01")]
    [InlineData("2025-03-01", null, "2026-01-01")]
    [InlineData("2026-04-15", null, "2026-04-15")]
    [InlineData(null, "2026-03-01", "2026-03-01")]
    [InlineData("2026-02-01", "2026-05-01", "2026-05-01")]
    [InlineData("2026-06-01", "2026-05-01", "2026-06-01")]
    public void Rule20_the_months_at_the_old_unit_count_from_the_hire_date_or_the_previous_transfer_not_from_January(
        string? hired, string? previous, string expected)
    {
        var from = Employment.OldUnitFrom(hired is null ? null : DateOnly.Parse(hired, System.Globalization.CultureInfo.InvariantCulture),
            previous is null ? null : DateOnly.Parse(previous, System.Globalization.CultureInfo.InvariantCulture), 2026);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), from);
    }

    [Fact]
    public void Rule20_with_two_transfers_each_old_unit_counts_its_own_months()
    {
        var starts = Employment.OldUnitStarts(new DateOnly(2026, 2, 1), [new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 1)], 2026);

        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 1)], starts);
    }
}
