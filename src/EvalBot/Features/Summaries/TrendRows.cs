using System.Text.Json.Nodes;

namespace EvalBot.Features.Summaries;

/// <summary>
/// A bar chart that Adaptive Cards 1.5 can draw: one row per period, a ColumnSet whose filled column has the score as its
/// width weight and whose empty column has the rest of the scale, with the number as text beside it (the fallback for
/// readers who cannot see the bars).
/// </summary>
public static class TrendRows
{
    public static JsonArray Build(IEnumerable<(string Period, decimal Score)> points, decimal max, decimal goodThreshold, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(text);
        return new JsonArray([.. points.Select(p =>
        {
            var filled = (int)Math.Clamp(Math.Round(p.Score * 100m / Math.Max(1m, max)), 1, 100);
            return (JsonNode)new JsonObject
            {
                ["label"] = text.PeriodLabel(p.Period),
                ["score"] = text.Number(p.Score),
                ["filled"] = filled,
                ["rest"] = Math.Max(1, 100 - filled),
                ["style"] = p.Score >= goodThreshold ? "good" : p.Score >= goodThreshold - 20m ? "warning" : "attention",
            };
        })]);
    }
}
