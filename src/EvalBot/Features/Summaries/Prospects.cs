namespace EvalBot.Features.Summaries;

/// <summary>Which way the period scores go.</summary>
public enum TrendDirection
{
    Insufficient = 0,
    Rising = 1,
    Stable = 2,
    Falling = 3,
}

/// <summary>The development prospects line ("triển vọng phát triển") of a dossier.</summary>
public enum ProspectLevel
{
    Insufficient = 0,
    High = 1,
    Medium = 2,
    Low = 3,
}

/// <summary>
/// The series statistics behind a dossier's trend and prospects, computed the same way every time so a reader can
/// redo them: the least-squares slope of the period scores in points per period, their standard deviation, and the
/// share of periods at HTT or better (score in the HTT band or above under the person's rule-set).
/// </summary>
/// <param name="Periods">Periods with a confirmed score.</param>
/// <param name="Slope">Points per period; rising above +1, falling below −1.</param>
/// <param name="StandardDeviation">Population standard deviation of the scores; stable when at most 10.</param>
/// <param name="ShareGoodPercent">Share of periods at HTT or better.</param>
/// <param name="Trend">Rising, stable or falling (insufficient under 3 periods).</param>
/// <param name="Prospect">High: ≥ 75 % of periods at HTT+, not falling, deviation ≤ 10 and no KHT year.
/// Low: under 50 % at HTT+, or falling with the last score under the HTT band, or a KHT year. Medium otherwise.</param>
public sealed record Prospects(int Periods, decimal Slope, decimal StandardDeviation, decimal ShareGoodPercent, TrendDirection Trend, ProspectLevel Prospect)
{
    public const int MinimumPeriods = 3;

    public static Prospects From(IReadOnlyList<decimal> scores, decimal goodThreshold, bool anyNotCompleteYear)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var n = scores.Count;
        if (n < MinimumPeriods) return new Prospects(n, 0m, 0m, 0m, TrendDirection.Insufficient, ProspectLevel.Insufficient);
        var meanX = (n - 1) / 2m;
        var meanY = scores.Average();
        var sxy = scores.Select((y, i) => (i - meanX) * (y - meanY)).Sum();
        var sxx = Enumerable.Range(0, n).Sum(i => (i - meanX) * (i - meanX));
        var slope = Math.Round(sxy / sxx, 2, MidpointRounding.AwayFromZero);
        var sd = Math.Round((decimal)Math.Sqrt((double)(scores.Sum(y => (y - meanY) * (y - meanY)) / n)), 2, MidpointRounding.AwayFromZero);
        var share = Math.Round(100m * scores.Count(s => s >= goodThreshold) / n, 1, MidpointRounding.AwayFromZero);
        var trend = slope > 1m ? TrendDirection.Rising : slope < -1m ? TrendDirection.Falling : TrendDirection.Stable;
        var prospect = anyNotCompleteYear || share < 50m || (trend == TrendDirection.Falling && scores[^1] < goodThreshold) ? ProspectLevel.Low
            : share >= 75m && trend != TrendDirection.Falling && sd <= 10m ? ProspectLevel.High
            : ProspectLevel.Medium;
        return new Prospects(n, slope, sd, share, trend, prospect);
    }
}
