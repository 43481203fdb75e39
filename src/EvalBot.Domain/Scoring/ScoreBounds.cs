using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Scoring;

/// <summary>Rule 4: general criteria 0–30, task results 0–70, total 0–100 (or the overlay's scale); anything else is rejected.</summary>
public static class ScoreBounds
{
    /// <summary>The problems with a general and a task score on the rule-set's scale; empty when both are in bounds.</summary>
    public static IReadOnlyList<string> Check(decimal general, decimal task, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var s = ruleSet.Scale;
        var errors = new List<string>();
        if (general < 0m || general > s.GeneralMax) errors.Add($"general criteria {Fmt.En(general)} is outside 0–{Fmt.En(s.GeneralMax)}");
        if (task < 0m || task > s.TaskMax) errors.Add($"task results {Fmt.En(task)} is outside 0–{Fmt.En(s.TaskMax)}");
        if (general + task > s.TotalMax) errors.Add($"total {Fmt.En(general + task)} exceeds {Fmt.En(s.TotalMax)}");
        return errors;
    }
}
