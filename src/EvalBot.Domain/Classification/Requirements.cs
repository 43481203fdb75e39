using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Classification;

/// <summary>Lists the unmet conditions of a level, as (Vietnamese, English) phrases, so a cap shows what is missing.</summary>
internal static class Requirements
{
    public static List<(string Vi, string En)> Missing(LevelRequirement req, TaskSummary s)
    {
        var m = new List<(string, string)>();
        if (req.MinCompletedPercent is { } c && s.Percent(s.Completed) < c)
            m.Add(($"hoàn thành {Fmt.Vi(s.Percent(s.Completed))}% nhiệm vụ (cần ≥ {Fmt.Vi(c)}%)", $"{Fmt.En(s.Percent(s.Completed))}% of tasks done (needs ≥ {Fmt.En(c)}%)"));
        if (req.MinOnTimeWithQualityPercent is { } q && s.Percent(s.OnTimeWithQuality) < q)
            m.Add(($"{Fmt.Vi(s.Percent(s.OnTimeWithQuality))}% đúng hạn, bảo đảm chất lượng (cần ≥ {Fmt.Vi(q)}%)", $"{Fmt.En(s.Percent(s.OnTimeWithQuality))}% on time with quality (needs ≥ {Fmt.En(q)}%)"));
        if (req.MinExceededPercent is { } e && s.Percent(s.Exceeded) < e)
            m.Add(($"{Fmt.Vi(s.Percent(s.Exceeded))}% vượt mức (cần ≥ {Fmt.Vi(e)}%)", $"{Fmt.En(s.Percent(s.Exceeded))}% exceeded (needs ≥ {Fmt.En(e)}%)"));
        if (req.MaxLatePercent is { } l && s.Percent(s.Late) > l)
            m.Add(($"{Fmt.Vi(s.Percent(s.Late))}% chậm tiến độ (tối đa {Fmt.Vi(l)}%)", $"{Fmt.En(s.Percent(s.Late))}% late (at most {Fmt.En(l)}%)"));
        if (req.MaxNotMeetingPercent is { } n && s.Percent(s.NotMeetingCriteria) > n)
            m.Add(($"{Fmt.Vi(s.Percent(s.NotMeetingCriteria))}% không đạt yêu cầu (tối đa {Fmt.Vi(n)}%)", $"{Fmt.En(s.Percent(s.NotMeetingCriteria))}% not meeting requirements (at most {Fmt.En(n)}%)"));
        return m;
    }

    public static List<(string Vi, string En)> Missing(UnitRequirement req, UnitResult u)
    {
        var m = new List<(string, string)>();
        if (req.MinCompletedPercent is { } c && !(req.CompletedComparison == Comparison.AtLeast ? u.TargetsCompletedPercent >= c : u.TargetsCompletedPercent > c))
        {
            var op = req.CompletedComparison == Comparison.AtLeast ? "≥" : ">";
            m.Add(($"đơn vị hoàn thành {Fmt.Vi(u.TargetsCompletedPercent)}% chỉ tiêu (cần {op} {Fmt.Vi(c)}%)", $"unit completed {Fmt.En(u.TargetsCompletedPercent)}% of targets (needs {op} {Fmt.En(c)}%)"));
        }

        if (req.MinExceededPercent is { } e && u.TargetsExceededPercent < e)
            m.Add(($"đơn vị vượt {Fmt.Vi(u.TargetsExceededPercent)}% chỉ tiêu (cần ≥ {Fmt.Vi(e)}%)", $"unit exceeded {Fmt.En(u.TargetsExceededPercent)}% of targets (needs ≥ {Fmt.En(e)}%)"));
        if (req.MinOnTimePercent is { } o && u.TargetsOnTimePercent < o)
            m.Add(($"đơn vị đúng hạn, bảo đảm chất lượng {Fmt.Vi(u.TargetsOnTimePercent)}% (cần ≥ {Fmt.Vi(o)}%)", $"unit on time with quality {Fmt.En(u.TargetsOnTimePercent)}% (needs ≥ {Fmt.En(o)}%)"));
        var atLeastComplete = Share(u.SubUnitLevels, Level.Complete);
        if (req.MinSubUnitsAtLeastCompletePercent is { } a && atLeastComplete < a)
            m.Add(($"{Fmt.Vi(atLeastComplete)}% đơn vị trực thuộc từ Hoàn thành nhiệm vụ trở lên (cần ≥ {Fmt.Vi(a)}%)", $"{Fmt.En(atLeastComplete)}% of sub-units at HT or better (needs ≥ {Fmt.En(a)}%)"));
        var atLeastGood = Share(u.SubUnitLevels, Level.Good);
        if (req.MinSubUnitsAtLeastGoodPercent is { } g && atLeastGood < g)
            m.Add(($"{Fmt.Vi(atLeastGood)}% đơn vị trực thuộc từ Hoàn thành tốt nhiệm vụ trở lên (cần ≥ {Fmt.Vi(g)}%)", $"{Fmt.En(atLeastGood)}% of sub-units at HTT or better (needs ≥ {Fmt.En(g)}%)"));
        return m;
    }

    /// <summary>Share of levels at <paramref name="minimum"/> or better; 100 % when there are no sub-units.</summary>
    public static decimal Share(IReadOnlyList<Level> levels, Level minimum) =>
        levels.Count == 0 ? 100m : 100m * levels.Count(l => l.IsAtLeast(minimum)) / levels.Count;

    public static string JoinVi(List<(string Vi, string En)> m) => string.Join("; ", m.Select(x => x.Vi));

    /// <summary>
    /// The unmet conditions of several levels, each list named once by the level it is for ("Để đạt Hoàn thành tốt
    /// nhiệm vụ: …"); consecutive levels that miss exactly the same conditions share one label, so no condition is
    /// repeated unlabelled.
    /// </summary>
    public static string ByLevelVi(IReadOnlyList<(Level Level, List<(string Vi, string En)> Missing)> unmet) =>
        string.Join(". ", Group(unmet).Select(g => $"Để đạt {string.Join(" hoặc ", g.Levels.Select(l => l.NameVi()))}: {JoinVi(g.Missing)}"));

    /// <summary>The English form of <see cref="ByLevelVi"/> ("For HTT: …").</summary>
    public static string ByLevelEn(IReadOnlyList<(Level Level, List<(string Vi, string En)> Missing)> unmet) =>
        string.Join(". ", Group(unmet).Select(g => $"For {string.Join(" or ", g.Levels.Select(l => l.Code()))}: {JoinEn(g.Missing)}"));

    private static List<(List<Level> Levels, List<(string Vi, string En)> Missing)> Group(IReadOnlyList<(Level Level, List<(string Vi, string En)> Missing)> unmet)
    {
        var groups = new List<(List<Level> Levels, List<(string Vi, string En)> Missing)>();
        foreach (var (level, missing) in unmet.Where(u => u.Missing.Count > 0))
        {
            if (groups.Count > 0 && groups[^1].Missing.SequenceEqual(missing)) groups[^1].Levels.Add(level);
            else groups.Add(([level], missing));
        }

        return groups;
    }

    public static string JoinEn(List<(string Vi, string En)> m) => string.Join("; ", m.Select(x => x.En));
}
