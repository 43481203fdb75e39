using System.Text.Json.Nodes;

namespace EvalBot.Features.Summaries;

/// <summary>
/// A bar chart that Adaptive Cards 1.5 can draw: one row per period, a ColumnSet of weighted columns over the scale from
/// the lowest band's threshold to the maximum (50–100 under ND335), so 87 and 88.33 differ visibly; the rule-set's other
/// thresholds (70, 90) cut the track with a separator line in every row and in the axis above it; the number is written
/// beside each bar (the fallback for readers who cannot see the bars).
/// </summary>
public static class TrendRows
{
    /// <summary>Column weights per scale: a thousand, so a hundredth of a point in a 50-point range still moves a bar.</summary>
    private const int Resolution = 1000;

    public static JsonArray Build(IEnumerable<(string Period, decimal Score)> points, TrendScale scale, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(text);
        return new JsonArray([.. points.Select(p => (JsonNode)new JsonObject
        {
            ["label"] = text.PeriodLabel(p.Period),
            ["score"] = text.Number(p.Score),
            ["segments"] = Segments(p.Score, scale),
        })]);
    }

    /// <summary>The axis above the bars: each stretch of the scale with the value it starts at, a line at each threshold.</summary>
    public static JsonArray Axis(TrendScale scale, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(text);
        var stops = scale.Stops();
        return new JsonArray([.. stops.Zip(stops.Skip(1)).Select(s => (JsonNode)new JsonObject
        {
            ["from"] = text.Number(s.First),
            ["width"] = scale.Weight(s.First, s.Second),
            ["line"] = scale.Marks.Contains(s.First),
        })]);
    }

    /// <summary>The filled and empty stretches of one bar; a stretch starting at a threshold draws its line.</summary>
    internal static JsonArray Segments(decimal score, TrendScale scale)
    {
        var value = Math.Clamp(score, scale.Floor, scale.Max);
        var stops = scale.Stops().Append(value).Distinct().Order().ToList();
        var style = score >= scale.Good ? "good" : score >= scale.Floor ? "warning" : "attention";
        return new JsonArray([.. stops.Zip(stops.Skip(1)).Select(s => (JsonNode)new JsonObject
        {
            ["width"] = scale.Weight(s.First, s.Second),
            ["style"] = s.Second <= value ? style : "emphasis",
            ["line"] = scale.Marks.Contains(s.First),
        })]);
    }

    internal static int Resolve(decimal part, decimal whole) =>
        Math.Max(1, (int)Math.Round(part * Resolution / Math.Max(0.01m, whole), MidpointRounding.AwayFromZero));
}
