using System.Text.Json;
using EvalBot.Domain.Explanations;

namespace EvalBot.Core;

/// <summary>The stored explanation of a classification (its rule applications) and the short "why" shown in lists.</summary>
public static class Explanations
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(IEnumerable<RuleApplication> applications) => JsonSerializer.Serialize(applications.ToList(), Json);

    public static IReadOnlyList<RuleApplication> Read(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<RuleApplication>>(json, Json) ?? [];

    /// <summary>The rule that last set, capped or forced the level (or left it to the authority): the reason in one line.</summary>
    public static string Why(string json, string language)
    {
        var decisive = Read(json).LastOrDefault(IsDecisive);
        return decisive is null ? "" : language == "en" ? decisive.TextEn : decisive.TextVi;
    }

    private static bool IsDecisive(RuleApplication a) => a.Effect is RuleEffect.SetsLevel or RuleEffect.CapsLevel or RuleEffect.ForcesLevel
        or RuleEffect.NotRated or RuleEffect.NeedsAuthorityDecision or RuleEffect.Rejected;

    /// <summary>
    /// A stored explanation reduced to what <see cref="Why"/> reads (the decisive application, without its inputs): the
    /// compile's report and the decision cards of a whole year need only that, not every row's full explanation.
    /// </summary>
    internal static string WhyOnly(IEnumerable<RuleApplication> applications)
    {
        var decisive = applications.LastOrDefault(IsDecisive);
        return decisive is null ? "[]" : Serialize([decisive with { Inputs = [] }]);
    }

    internal static string WhyOnly(string json) => WhyOnly(Read(json));

    /// <summary>Every sentence worth showing the person, in order (context-only lines left out).</summary>
    public static IReadOnlyList<string> Lines(string json, string language) =>
        [.. Read(json).Where(a => a.Effect != RuleEffect.Info).Select(a => language == "en" ? a.TextEn : a.TextVi)];
}
