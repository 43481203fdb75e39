using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EvalBot.Domain.Explanations;

namespace EvalBot.Core;

/// <summary>The stored explanation of a classification (its rule applications) and the short "why" shown in lists.</summary>
public static class Explanations
{
    /// <summary>
    /// Stored as the rules wrote it: Vietnamese as UTF-8 rather than <c>\u</c> escapes (the text is read back as JSON,
    /// never placed in a page), and without <see cref="RuleApplication.Canonical"/>, which repeats both sentences and is
    /// computed again from the other fields. An explanation is about half the size it was, and a province's compile
    /// writes and parses a hundred thousand of them. Explanations stored before, with the escapes and the canonical
    /// form, read the same (<see cref="Same"/>).
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutCanonical } },
    };

    public static string Serialize(IEnumerable<RuleApplication> applications) => JsonSerializer.Serialize(applications.ToList(), Json);

    /// <summary>
    /// True when a stored explanation says the same as <paramref name="json"/>: the same text, or the same rule
    /// applications written another way (an explanation stored by an earlier version, with escapes and the canonical form).
    /// </summary>
    public static bool Same(string? stored, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (stored is null) return false;
        if (string.Equals(stored, json, StringComparison.Ordinal)) return true;
        try
        {
            return Read(stored).Select(a => a.Canonical).SequenceEqual(Read(json).Select(a => a.Canonical), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void WithoutCanonical(JsonTypeInfo info)
    {
        if (info.Type != typeof(RuleApplication)) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Name == "canonical") info.Properties.RemoveAt(i);
        }
    }

    public static IReadOnlyList<RuleApplication> Read(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<RuleApplication>>(json, Json) ?? [];

    /// <summary>The rule that last set, capped or forced the level (or left it to the authority): the reason in one line.</summary>
    public static string Why(string json, string language) => Why(Read(json), language);

    /// <summary>As above, from the rule applications themselves (a result not stored).</summary>
    public static string Why(IEnumerable<RuleApplication> applications, string language)
    {
        var decisive = applications.LastOrDefault(IsDecisive);
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
