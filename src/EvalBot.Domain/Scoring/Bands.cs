using EvalBot.Domain.Explanations;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Scoring;

/// <summary>
/// Rule 7: the score band, with the configured thresholds and operators (≥ or &gt;), read on the score as given
/// (the annual roll-up passes the unrounded mean unless the rule-set rounds before banding).
/// </summary>
public static class Bands
{
    /// <summary>The level the score reaches; KHT below the last band.</summary>
    public static Level LevelFor(decimal score, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.Bands.FirstOrDefault(b => b.Admits(score))?.Level ?? Level.NotComplete;
    }

    /// <summary>The band and its explanation.</summary>
    public static RuleApplication Explain(decimal score, RuleSet ruleSet)
    {
        var level = LevelFor(score, ruleSet);
        var band = ruleSet.Bands.FirstOrDefault(b => b.Level == level);
        var condition = band is null
            ? $"< {Fmt.En(ruleSet.Bands[^1].Threshold)}"
            : $"{band.Symbol} {Fmt.En(band.Threshold)}";
        return new RuleApplication(
            "R07.bands", $"{ruleSet.Id} ({ruleSet.LegalBasis})",
            [Inputs.Of("score", score), Inputs.Of("band", condition)],
            RuleEffect.SetsLevel, level,
            $"Tổng điểm {Fmt.Precise(score).Replace('.', ',')} thuộc khung {condition.Replace('.', ',')} → {level.NameVi()}.",
            $"Total score {Fmt.Precise(score)} is in the band {condition} → {level.NameEn()}.");
    }
}
