using System.Text.Json.Nodes;
using EvalBot.Domain.RuleSets;
using EvalBot.Features.Summaries;
using EvalBot.Tests.Cards;

namespace EvalBot.Tests.Features.Summaries;

/// <summary>The bars of the summary cards: scaled so close scores differ, with the rule-set's thresholds drawn.</summary>
public sealed class TrendRowsTests
{
    private static readonly TextTable Text = new(CardCases.Templates, "vi");

    private static JsonArray Bars(TrendScale scale, params decimal[] scores) =>
        TrendRows.Build(scores.Select((s, i) => ($"2026-Q{i + 1}", s)), scale, Text);

    private static int Filled(JsonNode row) =>
        row["segments"]!.AsArray().Where(s => (string?)s!["style"] != "emphasis").Sum(s => (int)s!["width"]!);

    private static List<int> LinesAt(JsonNode row)
    {
        var at = new List<int>();
        var offset = 0;
        foreach (var s in row["segments"]!.AsArray())
        {
            if ((bool)s!["line"]!) at.Add(offset);
            offset += (int)s["width"]!;
        }

        return at;
    }

    [Fact]
    public void Scores_of_87_88_33_and_88_04_get_bars_of_different_lengths()
    {
        var rows = Bars(TrendScale.Of(Nd335Defaults.Create()), 87m, 88.33m, 88.04m);

        var widths = rows.Select(r => Filled(r!)).ToList();
        Assert.Equal(3, widths.Distinct().Count());
        Assert.True(widths[1] > widths[2] && widths[2] > widths[0]);
        Assert.True(widths[1] - widths[0] >= 20, "a point and a third should move the bar by at least 2 % of its track");
    }

    [Fact]
    public void Every_bar_and_the_axis_draw_the_70_and_90_thresholds_of_the_rule_set()
    {
        var scale = TrendScale.Of(Nd335Defaults.Create());
        var rows = Bars(scale, 42.25m, 64m, 78.5m, 95m);

        Assert.Equal([50m, 70m, 90m, 100m], scale.Stops());
        Assert.All(rows, r => Assert.Equal([400, 800], LinesAt(r!)));
        Assert.All(rows, r => Assert.Equal(1000, r!["segments"]!.AsArray().Sum(s => (int)s!["width"]!)));
        var axis = TrendRows.Axis(scale, Text);
        Assert.Equal(["50", "70", "90"], axis.Select(a => (string)a!["from"]!));
        Assert.Equal([false, true, true], axis.Select(a => (bool)a!["line"]!));
    }

    [Fact]
    public void The_thresholds_come_from_the_rule_set_not_from_the_card()
    {
        var ruleSet = Nd335Defaults.Create();
        var other = ruleSet with { Bands = [.. ruleSet.Bands.Select(b => b with { Threshold = b.Threshold - 5m })] };

        Assert.Equal([45m, 65m, 85m, 100m], TrendScale.Of(other).Stops());
    }

    [Fact]
    public void A_score_below_the_scale_shows_an_empty_track_with_its_number()
    {
        var row = Bars(TrendScale.Of(Nd335Defaults.Create()), 42.25m)[0]!;

        Assert.Equal(0, Filled(row));
        Assert.Equal("42,25", (string?)row["score"]);
    }
}
