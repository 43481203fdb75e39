namespace EvalBot.Domain.RuleSets;

/// <summary>Checks of the point scale, the bands and the roll-up.</summary>
internal static class ScaleChecks
{
    public static void Check(RuleSet r, Action<string, string> fail)
    {
        var s = r.Scale;
        if (s is null)
        {
            fail("scale", "is required");
            return;
        }

        if (s.GeneralMax < 0 || s.TaskMax <= 0) fail("scale", "generalMax must be ≥ 0 and taskMax > 0");
        if (s.GeneralMax + s.TaskMax != s.TotalMax) fail("scale", $"generalMax + taskMax ({s.GeneralMax} + {s.TaskMax}) must equal totalMax ({s.TotalMax})");

        if (r.Bands is null || r.Bands.Count == 0)
        {
            fail("bands", "at least one band is required");
        }
        else
        {
            for (var i = 0; i < r.Bands.Count; i++)
            {
                var b = r.Bands[i];
                if (b.Level == Level.NotComplete) fail($"bands[{i}]", "KHT is what lies below the last band; it takes no band");
                if (b.Threshold < 0 || b.Threshold > s.TotalMax) fail($"bands[{i}]", $"threshold {b.Threshold} is outside 0–{s.TotalMax}");
                if (i > 0 && (int)b.Level <= (int)r.Bands[i - 1].Level) fail($"bands[{i}]", "bands must list levels best first, each once");
                if (i > 0 && b.Threshold >= r.Bands[i - 1].Threshold) fail($"bands[{i}]", "thresholds must fall from one band to the next");
            }
        }

        if (r.RollUp is null) fail("rollUp", "is required");
        else if (r.RollUp.Decimals is < 0 or > 4) fail("rollUp.decimals", "must be between 0 and 4");
    }
}
