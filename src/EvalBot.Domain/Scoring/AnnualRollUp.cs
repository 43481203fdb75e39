using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Scoring;

/// <summary>The annual score and the rules that produced it.</summary>
/// <param name="Score">Annual score rounded for display (rule-set decimals), or null when no period was worked.</param>
/// <param name="WorkedPeriods">Periods averaged (imported ones included).</param>
/// <param name="Periods">Every averaged period's score, in period order.</param>
/// <param name="Applications">Rules applied.</param>
public sealed record AnnualScore(decimal? Score, int WorkedPeriods, IReadOnlyList<PeriodScore> Periods, IReadOnlyList<RuleApplication> Applications)
{
    /// <summary>The unrounded mean, which the band is read on unless the rule-set rounds before banding (rule 7).</summary>
    public decimal? Unrounded { get; init; }

    /// <summary>Worked periods left out because none of their products could be counted (rule 6).</summary>
    public IReadOnlyList<Period> UncountedPeriods { get; init; } = [];

    /// <summary>The score the band is read on: unrounded by default, rounded when the rule-set says so.</summary>
    public decimal? ForBand(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.RollUp.BandOnRoundedScore ? Score : Unrounded;
    }
}

/// <summary>
/// Rule 8: the annual score is the mean of the periods actually worked. Leave periods are left out, not
/// counted as zero, and periods imported from an old unit after a transfer are included (Decree 335 Art. 21).
/// A worked period in which no product can be counted (rule 6) is left out too and flagged for the leader.
/// </summary>
public static class AnnualRollUp
{
    /// <summary>Scores every period and averages the worked ones; the order of the input does not matter.</summary>
    public static AnnualScore Compute(IReadOnlyList<PeriodReport> periods, RuleSet ruleSet, bool isLeader)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var ordered = periods
            .OrderBy(p => p.Period.Year).ThenBy(p => p.Period.Kind).ThenBy(p => p.Period.Index)
            .ThenBy(p => p.Period.UnitId, StringComparer.Ordinal)
            .ToList();
        var trace = new List<RuleApplication>();
        var scores = new List<PeriodScore>();
        var uncounted = new List<Period>();
        foreach (var p in ordered)
        {
            if (p.Status != WorkStatus.Worked && ruleSet.RollUp.ExcludeLeavePeriods)
            {
                trace.Add(new RuleApplication(
                    "R08.leave-excluded", $"{ruleSet.Id} Điều 21", [Inputs.Of("period", p.Period.Label), Inputs.Of("status", p.Status.ToString())],
                    RuleEffect.Excluded, null,
                    $"{PeriodNames.Vi(p.Period.Label)} ({StatusVi(p.Status)}) không tính vào điểm bình quân, không tính là 0 điểm.",
                    $"{PeriodNames.En(p.Period.Label)} ({p.Status}) is left out of the average, not counted as zero."));
                continue;
            }

            var score = PeriodScorer.Score(p, ruleSet, isLeader);
            if (!score.Counted)
            {
                uncounted.Add(p.Period);
                trace.AddRange(score.Applications.Where(a => a.Effect == RuleEffect.Excluded));
                trace.Add(NotCounted(p, ruleSet));
                continue;
            }

            scores.Add(score);
            trace.AddRange(score.Applications);
            if (p.ImportedFromUnitId is { } from && p.ImportedTotal is null)
            {
                trace.Add(new RuleApplication(
                    "R20.imported", $"{ruleSet.Id} Điều 21", [Inputs.Of("period", p.Period.Label), Inputs.Of("fromUnit", from)],
                    RuleEffect.Info, null,
                    $"{PeriodNames.Vi(p.Period.Label)} do đơn vị cũ {from} chấm và được tính vào điểm bình quân năm.",
                    $"{PeriodNames.En(p.Period.Label)} was scored by the old unit {from} and is included in the annual average."));
            }
        }

        if (scores.Count == 0) return new AnnualScore(null, 0, scores, trace) { UncountedPeriods = uncounted };
        var mean = scores.Sum(s => s.Total) / scores.Count;
        var rounded = Math.Round(mean, ruleSet.RollUp.Decimals, ruleSet.RollUp.Rounding);
        trace.Add(new RuleApplication(
            "R08.mean", $"{ruleSet.Id} Điều 21",
            [Inputs.Of("workedPeriods", scores.Count), Inputs.Of("sum", scores.Sum(s => s.Total)), Inputs.Of("score", rounded)],
            RuleEffect.Score, null,
            $"Điểm năm = bình quân {scores.Count} kỳ thực tế làm việc = {Fmt.Vi(rounded)}{UnroundedVi(mean, rounded, ruleSet)}.",
            $"Annual score = mean of the {scores.Count} periods actually worked = {Fmt.En(rounded)}{UnroundedEn(mean, rounded, ruleSet)}."));
        return new AnnualScore(rounded, scores.Count, scores, trace) { Unrounded = mean, UncountedPeriods = uncounted };
    }

    /// <summary>Rule 6 at the period level: no product can be counted, so the period is not a 0 % result.</summary>
    private static RuleApplication NotCounted(PeriodReport p, RuleSet ruleSet) => new(
        "R06.period-not-counted", "Luật 80/2025 Điều 25.1(b); NĐ 335 Điều 14, 21",
        [Inputs.Of("period", p.Period.Label), Inputs.Of("products", p.Products.Count)],
        RuleEffect.NeedsAuthorityDecision, null,
        $"{PeriodNames.Vi(p.Period.Label)} không có sản phẩm nào được lượng hóa đủ để tính (số lượng giao, hệ số quy đổi, thời hạn, yêu cầu chất lượng): kỳ này không tính vào điểm bình quân năm, không tính là 0%. Lãnh đạo trực tiếp cần lượng hóa nhiệm vụ đã giao cho kỳ này.",
        $"{PeriodNames.En(p.Period.Label)} has no product quantified enough to count (assigned quantity, conversion factor, deadline, quality requirement): the period is left out of the annual average, not counted as 0%. The direct leader needs to quantify the tasks assigned for it.");

    private static string UnroundedVi(decimal mean, decimal rounded, RuleSet r) =>
        mean == rounded ? "" : r.RollUp.BandOnRoundedScore
            ? $" (làm tròn từ {Fmt.Precise(mean).Replace('.', ',')}; khung xếp loại xét trên điểm đã làm tròn)"
            : $" (làm tròn để hiển thị; khung xếp loại xét trên điểm chưa làm tròn {Fmt.Precise(mean).Replace('.', ',')})";

    private static string UnroundedEn(decimal mean, decimal rounded, RuleSet r) =>
        mean == rounded ? "" : r.RollUp.BandOnRoundedScore
            ? $" (rounded from {Fmt.Precise(mean)}; the band is read on the rounded score)"
            : $" (rounded for display; the band is read on the unrounded {Fmt.Precise(mean)})";

    private static string StatusVi(WorkStatus s) => s switch
    {
        WorkStatus.SickLeave => "nghỉ ốm",
        WorkStatus.MaternityLeave => "nghỉ thai sản",
        WorkStatus.JustifiedAbsence => "vắng mặt có lý do",
        _ => "làm việc",
    };
}
