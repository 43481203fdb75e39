using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Scoring;

namespace EvalBot.Domain.Classification;

/// <summary>
/// The annual classification: score, band, conditions, caps and forcing grounds, in a fixed order, each rule
/// recorded with its inputs and effect. A pure function of the input and the rule-set.
/// </summary>
public static class AnnualClassifier
{
    /// <summary>Classifies one person for one year under one rule-set.</summary>
    public static ClassificationResult Classify(PersonYear input, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var t = new ClassificationTrace(ruleSet);
        t.Add(new RuleApplication("R01.rule-set", ruleSet.Label,
            [Inputs.Of("population", input.Person.Population.ToString()), Inputs.Of("year", input.Year), Inputs.Of("ruleSet", ruleSet.Label)],
            RuleEffect.Info, null,
            $"Áp dụng bộ quy tắc {ruleSet.Label} ({ruleSet.LegalBasis}) cho năm {Fmt.Raw(input.Year)}.",
            $"Rule-set {ruleSet.Label} ({ruleSet.LegalBasis}) applies to {Fmt.Raw(input.Year)}."));

        var errors = InputValidator.Validate(input, ruleSet);
        if (errors.Count > 0)
        {
            var apps = errors.Select(e => new RuleApplication("R04.bounds", ruleSet.Id, [Inputs.Of("error", e)], RuleEffect.Rejected, null,
                $"Dữ liệu không hợp lệ: {e}.", $"Invalid input: {e}."));
            return new ClassificationResult(ClassificationStatus.Rejected, null, null, ruleSet.Id, ruleSet.Version, [.. t.Applications, .. apps]);
        }

        TimeInYearRules.Apply(input, t);
        if (t.IsNotRated) return t.Build();

        // Rule 20 (ND335): with an old unit's period missing, the year is flagged and not averaged on what remains.
        if (ruleSet.Scale.UsesPoints && !TransferRules.Apply(input, t) && !Score(input, t)) return t.Build();

        TaskConditionRules.Apply(input, t);
        LeaderRules.Apply(input, t);
        RemediationRules.Apply(input, t);
        DisciplineRules.Apply(input, t);
        FindingRules.Apply(input, t);
        PrerequisiteRules.Apply(input, t);
        return t.Build();
    }

    private static bool Score(PersonYear input, ClassificationTrace t)
    {
        var annual = AnnualRollUp.Compute(input.Periods, t.RuleSet, input.Person.IsLeader);
        t.AddRange(annual.Applications);
        if (annual.Score is null && annual.UncountedPeriods.Count > 0)
        {
            t.Undecided(new RuleApplication("R06.no-countable-period", $"{t.RuleSet.Id} Điều 21", [Inputs.Of("uncountedPeriods", annual.UncountedPeriods.Count)],
                RuleEffect.NeedsAuthorityDecision, null,
                "Không kỳ làm việc nào có sản phẩm được lượng hóa đủ để tính điểm: chưa có điểm năm; lãnh đạo trực tiếp cần lượng hóa nhiệm vụ, hoặc cấp có thẩm quyền quyết định.",
                "No worked period has a product quantified enough to score: there is no annual score yet; the direct leader needs to quantify the tasks, or the competent authority must decide."));
            return false;
        }

        if (annual.Score is not { } score || annual.ForBand(t.RuleSet) is not { } banded)
        {
            t.NotRated(new RuleApplication("R08.no-period", $"{t.RuleSet.Id} Điều 21", [], RuleEffect.NotRated, null,
                "Không có kỳ nào thực tế làm việc trong năm: không có điểm để xếp loại.",
                "No period was actually worked in the year: there is no score to rate."));
            return false;
        }

        t.Score = score;
        t.Limit(Bands.LevelFor(banded, t.RuleSet), Bands.Explain(banded, t.RuleSet));
        return true;
    }
}
