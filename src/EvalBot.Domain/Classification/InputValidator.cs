using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Classification;

/// <summary>Rejects impossible inputs before rating, so a typo cannot become someone's level (rule 4 and sanity checks).</summary>
public static class InputValidator
{
    /// <summary>Every problem found; empty when the input can be classified.</summary>
    public static IReadOnlyList<string> Validate(PersonYear input, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var errors = new List<string>();
        if (input.MonthsEmployed is < 0m or > 12m) errors.Add("monthsEmployed must be 0–12");
        if (input.Leaves.Any(l => l.Months < 0m) || input.Leaves.Sum(l => l.Months) > input.MonthsEmployed)
            errors.Add("leave months must be ≥ 0 and not exceed the months employed");

        foreach (var p in input.Periods)
        {
            var label = p.Period.Label;
            if (p.Period.Year != input.Year) errors.Add($"{label}: belongs to another year");
            var maxIndex = p.Period.Kind == PeriodKind.Quarter ? 4 : 12;
            if (p.Period.Index < 1 || p.Period.Index > maxIndex) errors.Add($"{label}: index must be 1–{maxIndex}");
            if (p.GeneralScore < 0m || p.GeneralScore > ruleSet.Scale.GeneralMax)
                errors.Add($"{label}: general criteria {Fmt.En(p.GeneralScore)} is outside 0–{Fmt.En(ruleSet.Scale.GeneralMax)}");
            foreach (var r in p.Products)
            {
                if (r.Done < 0m || r.QualityPassed < 0m || r.OnTime < 0m || r.FailedQualityChecks < 0 || r.Delays < 0)
                    errors.Add($"{label}/{r.Product.Id}: counts cannot be negative");
                if (r.QualityPassed > r.Done || r.OnTime > r.Done)
                    errors.Add($"{label}/{r.Product.Id}: quality-passed and on-time cannot exceed done");
            }

            var max = ruleSet.Scale.GeneralMax + ruleSet.Scale.TaskMax;
            if (p.ImportedTotal is { } total && (total < 0m || total > max || total < p.GeneralScore))
                errors.Add($"{label}: the old unit's total {Fmt.En(total)} is outside 0–{Fmt.En(max)} or does not fit its general part");
            if (p.Leader is { OrganisationPercent: < 0m or > 100m }) errors.Add($"{label}: organisation percent must be 0–100");
        }

        var dup = input.Periods.GroupBy(p => p.Period).Where(g => g.Count() > 1).Select(g => g.Key.Label);
        errors.AddRange(dup.Select(l => $"{l}: reported twice for the same unit"));

        if (input.Unit is { } u && new[] { u.TargetsCompletedPercent, u.TargetsExceededPercent, u.TargetsOnTimePercent }.Any(x => x is < 0m or > 100m))
            errors.Add("unit result percentages must be 0–100");
        if (input.Tasks is { } t && (t.Total < 0 || new[] { t.Completed, t.OnTimeWithQuality, t.Exceeded, t.Late, t.NotMeetingCriteria }.Any(x => x < 0 || x > t.Total)))
            errors.Add("task counts must be between 0 and the total");
        if (input.ConfidenceVotes.Any(v => v.High < 0 || v.Medium < 0 || v.Low < 0 || v.ValidBallots > v.Present || v.Present > v.Convened))
            errors.Add("confidence vote counts are inconsistent (ballots ≤ present ≤ convened)");
        return errors;
    }
}
