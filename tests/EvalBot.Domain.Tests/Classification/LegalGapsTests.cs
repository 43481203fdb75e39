using EvalBot.Domain.Classification;
using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Classification;

/// <summary>The legal gaps the independent cases found (issue 17 item 7), one test per rule number.</summary>
public class LegalGapsTests
{
    public static TheoryData<string, string, TaskSummary> NotCompletedOverHalf => new()
    {
        { "6 of 10 not completed, no count of tasks missing the criteria", "ND90_48", Make.Tasks(completed: 4, onTimeQuality: 4, notMeeting: 0) },
        { "6 of 10 not completed, only 2 counted as missing the criteria", "ND90_48", Make.Tasks(completed: 4, onTimeQuality: 4, notMeeting: 2) },
        { "6 of 10 not completed, the done ones all exceeded", "ND90_48", Make.Tasks(completed: 4, onTimeQuality: 4, exceeded: 4) },
        { "the Hải Phòng score sheet inherits it, even at 95 points", "HP212", Make.Tasks(completed: 4, onTimeQuality: 4) },
    };

    [Theory]
    [MemberData(nameof(NotCompletedOverHalf))]
    public void Rule15_public_employee_who_did_not_complete_over_half_the_tasks_is_KHT_whatever_the_other_counts(string _, string ruleSet, TaskSummary tasks)
    {
        var set = ruleSet == "HP212" ? HaiPhong() : Make.ById(ruleSet);
        var general = set.Scale.GeneralMax / set.Scale.TotalMax;
        IReadOnlyList<PeriodReport> quarters = [.. Enumerable.Range(1, 4).Select(i => Make.Scored(i, 95m, PeriodKind.Quarter, generalShare: general))];
        var input = Make.Year(Make.Person(Population.PublicEmployee), quarters) with { Tasks = tasks };

        var result = AnnualClassifier.Classify(input, set);

        Assert.Equal(ClassificationStatus.Rated, result.Status);
        Assert.Equal(Level.NotComplete, result.Level);
        var ground = Assert.Single(result.Applications, a => a.RuleId == "R15.not-completed");
        Assert.Contains("60% nhiệm vụ trong năm không hoàn thành (trên 50%)", ground.TextVi, StringComparison.Ordinal);
        Assert.Contains("60% of the year's tasks were not completed (over 50%)", ground.TextEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule15_public_employee_with_exactly_half_not_completed_is_not_forced_to_KHT()
    {
        var input = Make.Year(Make.Person(Population.PublicEmployee), Make.Quarters(60m)) with { Tasks = Make.Tasks(completed: 5, onTimeQuality: 5) };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        Assert.DoesNotContain(result.Applications, a => a.RuleId == "R15.not-completed");
        Assert.Equal(ClassificationStatus.NeedsAuthorityDecision, result.Status);
    }

    [Fact]
    public void Rule06_a_period_with_no_countable_product_is_left_out_of_the_average_and_flagged_not_scored_as_zero()
    {
        var unquantified = new AssignedProduct("sp9", null, null, null, null);
        var empty = new PeriodReport(new Period(2026, PeriodKind.Month, 12, "U1"), WorkStatus.Worked, [Make.Report(unquantified, 3m)], 27m);
        var input = Make.Year(Make.Person(), [.. Make.Months(80m, 11), empty]);

        var result = AnnualClassifier.Classify(input, Make.Nd335);

        Assert.Equal(80m, result.Score);
        Assert.Equal(Level.Good, result.Level);
        var flag = Assert.Single(result.Applications, a => a.RuleId == "R06.period-not-counted");
        Assert.Equal(RuleEffect.NeedsAuthorityDecision, flag.Effect);
        Assert.Contains("không tính vào điểm bình quân năm, không tính là 0%", flag.TextVi, StringComparison.Ordinal);
        Assert.Contains("left out of the annual average, not counted as 0%", flag.TextEn, StringComparison.Ordinal);
        Assert.Contains("Lãnh đạo trực tiếp cần lượng hóa", flag.TextVi, StringComparison.Ordinal);
        Assert.Contains(result.Applications, a => a.RuleId == "R06.quantified");
        Assert.DoesNotContain(result.Applications, a => a.RuleId == "R05.period" && a.Inputs.Any(i => i.Value == "2026-M12"));
    }

    [Fact]
    public void Rule06_the_flag_stays_when_a_KHT_ground_decides_the_year()
    {
        var empty = new PeriodReport(new Period(2026, PeriodKind.Month, 12, "U1"), WorkStatus.Worked, [], 27m);
        var input = Make.Year(Make.Person(), [.. Make.Months(80m, 11), empty]) with { Disciplines = [Make.Discipline("V1", 2026)] };

        var result = AnnualClassifier.Classify(input, Make.Nd335);

        Assert.Equal(Level.NotComplete, result.Level);
        Assert.Contains(result.Applications, a => a.RuleId == "R06.period-not-counted");
    }

    [Fact]
    public void Rule06_a_year_with_no_countable_period_is_left_to_the_authority_not_rated_as_zero_or_unworked()
    {
        var empty = new PeriodReport(new Period(2026, PeriodKind.Quarter, 1, "U1"), WorkStatus.Worked, [Make.Report(new AssignedProduct("sp9", 5m, null, null, null), 5m)], 27m);
        var input = Make.Year(Make.Person(), [empty]);

        var result = AnnualClassifier.Classify(input, Make.Nd335);

        Assert.Equal(ClassificationStatus.NeedsAuthorityDecision, result.Status);
        Assert.Null(result.Score);
        Assert.Contains(result.Applications, a => a.RuleId == "R06.no-countable-period");
        Assert.DoesNotContain(result.Applications, a => a.RuleId == "R08.no-period");
    }

    public static TheoryData<decimal, decimal, decimal, Level, string> Unrounded => new()
    {
        // Three periods whose mean is 89.99667 (shown 90) and 49.99667 (shown 50): the band is read on the mean.
        { 90m, 90m, 89.99m, Level.Good, "89.9966…" },
        { 50m, 50m, 49.99m, Level.NotComplete, "49.9966…" },
        { 90m, 90m, 90m, Level.Excellent, "90" },
    };

    [Theory]
    [MemberData(nameof(Unrounded))]
    public void Rule07_band_on_unrounded_score_rounding_is_for_display_only(decimal a, decimal b, decimal c, Level expected, string shown)
    {
        var input = Make.Year(Make.Person(), [Make.Scored(1, a), Make.Scored(2, b), Make.Scored(3, c)]);

        var result = AnnualClassifier.Classify(input, Make.Nd335);

        Assert.Equal(expected, result.Level);
        var band = Assert.Single(result.Applications, x => x.RuleId == "R07.bands");
        Assert.Contains($"Total score {shown} ", band.TextEn, StringComparison.Ordinal);
        Assert.Contains($"Tổng điểm {shown.Replace('.', ',')} ", band.TextVi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(89.999, Level.Good)]
    [InlineData(49.995, Level.NotComplete)]
    [InlineData(90, Level.Excellent)]
    public void Rule07_band_on_unrounded_score_at_the_boundaries(decimal score, Level expected)
    {
        var input = Make.Year(Make.Person(), [Make.Scored(1, score)]);

        var result = AnnualClassifier.Classify(input, Make.Nd335);

        Assert.Equal(expected, result.Level);
        Assert.Equal(Math.Round(score, 2, MidpointRounding.AwayFromZero), result.Score);
    }

    [Theory]
    [InlineData(89.999, Level.Excellent)]
    [InlineData(49.995, Level.Complete)]
    public void Rule07_an_overlay_that_states_rounding_before_banding_bands_on_the_rounded_score(decimal score, Level expected)
    {
        var rounding = Make.Nd335 with { RollUp = Make.Nd335.RollUp with { BandOnRoundedScore = true } };
        var input = Make.Year(Make.Person(), [Make.Scored(1, score)]);

        var result = AnnualClassifier.Classify(input, rounding);

        Assert.Equal(expected, result.Level);
        Assert.Contains(result.Applications, a => a.RuleId == "R08.mean" && a.TextEn.Contains("the band is read on the rounded score", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule07_the_national_rule_sets_do_not_round_before_banding()
    {
        Assert.All(RuleSetCatalog.Defaults.RuleSets, r => Assert.False(r.RollUp.BandOnRoundedScore, r.Id));
    }

    [Fact]
    public void Rule16_unmet_conditions_are_listed_once_per_level_and_named_by_the_level()
    {
        // 9 of 10 done, 9 on time: misses HTXS, HTT and HT on the same two counts, and no KHT ground.
        var input = Make.Year(Make.Person(Population.PublicEmployee), Make.Quarters(60m)) with { Tasks = Make.Tasks(completed: 9, onTimeQuality: 9, notMeeting: 1) };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        var gap = Assert.Single(result.Applications, a => a.RuleId == "R15.gap");
        Assert.Contains("Để đạt Hoàn thành xuất sắc nhiệm vụ: ", gap.TextVi, StringComparison.Ordinal);
        Assert.Contains("Để đạt Hoàn thành tốt nhiệm vụ: ", gap.TextVi, StringComparison.Ordinal);
        Assert.Contains("Để đạt Hoàn thành nhiệm vụ: hoàn thành 90% nhiệm vụ (cần ≥ 100%)", gap.TextVi, StringComparison.Ordinal);
        Assert.Contains("For HTXS: ", gap.TextEn, StringComparison.Ordinal);
        Assert.Contains("For HTT: ", gap.TextEn, StringComparison.Ordinal);
        Assert.Contains("For HT: 90% of tasks done (needs ≥ 100%)", gap.TextEn, StringComparison.Ordinal);
        foreach (var level in new[] { "HTXS", "HTT", "HT" })
            Assert.Single(gap.TextEn.Split(". "), s => s.StartsWith($"For {level}:", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule17_levels_missing_the_same_unit_conditions_share_one_label()
    {
        // The unit met 60 % of its targets: HTXS and HTT miss exactly the same condition, HT a different one.
        var input = Make.Year(Make.Person(Population.PublicEmployee, leader: true), Make.Quarters(60m)) with { Unit = Make.Unit(completed: 60m, exceeded: 50m) };

        var result = AnnualClassifier.Classify(input, Make.Nd90);

        var gap = Assert.Single(result.Applications, a => a.RuleId == "R17.gap");
        Assert.Contains("For HTXS or HTT: unit completed 60% of targets (needs ≥ 100%)", gap.TextEn, StringComparison.Ordinal);
        Assert.Contains("For HT: unit completed 60% of targets (needs > 70%)", gap.TextEn, StringComparison.Ordinal);
        Assert.Contains("Để đạt Hoàn thành xuất sắc nhiệm vụ hoặc Hoàn thành tốt nhiệm vụ: đơn vị hoàn thành 60% chỉ tiêu", gap.TextVi, StringComparison.Ordinal);
    }

    private static RuleSet HaiPhong() => Make.Nd90 with
    {
        Id = "HP212_2025",
        Scale = new ScaleSettings(UsesPoints: true, GeneralMax: 20m, TaskMax: 80m, TotalMax: 100m),
        Bands = [new Band(Level.Excellent, 90m, Comparison.Above), new Band(Level.Good, 80m, Comparison.Above), new Band(Level.Complete, 50m, Comparison.AtLeast)],
    };
}
