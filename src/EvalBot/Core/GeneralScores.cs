using System.Text.Json;

namespace EvalBot.Core;

/// <summary>The general-criteria points of a report as stored (<c>{"politics":9,"competence":8.5}</c>).</summary>
public static class GeneralScores
{
    public static Dictionary<string, decimal> Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];
}
