using EvalBot.Domain.RuleSets;

namespace EvalBot.Features.Summaries;

/// <summary>
/// The scale the bars are drawn on, read from the rule-set: from the lowest band's threshold to the maximum, with a mark at
/// each higher threshold, and the threshold of "good" for the colour.
/// </summary>
public sealed record TrendScale(decimal Floor, IReadOnlyList<decimal> Marks, decimal Max, decimal Good)
{
    public static TrendScale Of(RuleSet? ruleSet)
    {
        // Without a rule-set for the person (no population matched), the national civil-servant defaults draw the axis.
        var r = ruleSet ?? Nd335Defaults.Create();
        var thresholds = r.Bands.Select(b => b.Threshold).Where(t => t > 0m && t < r.Scale.TotalMax).Distinct().Order().ToList();
        var floor = thresholds.Count > 0 ? thresholds[0] : 0m;
        var good = r.Bands.FirstOrDefault(b => b.Level == Domain.Level.Good)?.Threshold ?? floor;
        return new TrendScale(floor, [.. thresholds.Skip(1)], r.Scale.TotalMax, good);
    }

    /// <summary>The floor, each mark and the maximum, in order.</summary>
    public IReadOnlyList<decimal> Stops() => [Floor, .. Marks, Max];

    /// <summary>The column weight of the stretch from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public int Weight(decimal from, decimal to) => TrendRows.Resolve(to - from, Max - Floor);

    /// <summary>The maximum as written at the end of the axis.</summary>
    public string MaxText(TextTable text) => (text ?? throw new ArgumentNullException(nameof(text))).Number(Max);
}
