using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Scoring;

/// <summary>The annual score and the rules that produced it.</summary>
/// <param name="Score">Rounded annual score, or null when no period was worked.</param>
/// <param name="WorkedPeriods">Periods averaged (imported ones included).</param>
/// <param name="Periods">Every period's score, in period order.</param>
/// <param name="Applications">Rules applied.</param>
public sealed record AnnualScore(decimal? Score, int WorkedPeriods, IReadOnlyList<PeriodScore> Periods, IReadOnlyList<RuleApplication> Applications);

/// <summary>
/// Rule 8: the annual score is the mean of the periods actually worked. Leave periods are left out, not
/// counted as zero, and periods imported from an old unit after a transfer are included (Decree 335 Art. 21).
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
            scores.Add(score);
            trace.AddRange(score.Applications);
            if (p.ImportedFromUnitId is { } from)
            {
                trace.Add(new RuleApplication(
                    "R20.imported", $"{ruleSet.Id} Điều 21", [Inputs.Of("period", p.Period.Label), Inputs.Of("fromUnit", from)],
                    RuleEffect.Info, null,
                    $"{PeriodNames.Vi(p.Period.Label)} do đơn vị cũ {from} chấm và được tính vào điểm bình quân năm.",
                    $"{PeriodNames.En(p.Period.Label)} was scored by the old unit {from} and is included in the annual average."));
            }
        }

        if (scores.Count == 0) return new AnnualScore(null, 0, scores, trace);
        var mean = scores.Sum(s => s.Total) / scores.Count;
        var rounded = Math.Round(mean, ruleSet.RollUp.Decimals, ruleSet.RollUp.Rounding);
        trace.Add(new RuleApplication(
            "R08.mean", $"{ruleSet.Id} Điều 21",
            [Inputs.Of("workedPeriods", scores.Count), Inputs.Of("sum", scores.Sum(s => s.Total)), Inputs.Of("score", rounded)],
            RuleEffect.Score, null,
            $"Điểm năm = bình quân {scores.Count} kỳ thực tế làm việc = {Fmt.Vi(rounded)}.",
            $"Annual score = mean of the {scores.Count} periods actually worked = {Fmt.En(rounded)}."));
        return new AnnualScore(rounded, scores.Count, scores, trace);
    }

    private static string StatusVi(WorkStatus s) => s switch
    {
        WorkStatus.SickLeave => "nghỉ ốm",
        WorkStatus.MaternityLeave => "nghỉ thai sản",
        WorkStatus.JustifiedAbsence => "vắng mặt có lý do",
        _ => "làm việc",
    };
}
