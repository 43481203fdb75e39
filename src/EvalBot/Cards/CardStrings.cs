using System.Text.Json.Nodes;

namespace EvalBot.Cards;

/// <summary>The user-visible strings of the cards, one table per language (<c>strings/vi.json</c>, <c>strings/en.json</c>).</summary>
public sealed record CardStrings(JsonObject Vietnamese, JsonObject English)
{
    /// <summary>Vietnamese first: English only when the locale starts with "en".</summary>
    public static string LanguageOf(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "vi";

    public JsonObject For(string language) => language == "en" ? English : Vietnamese;

    /// <summary>Loads both tables and checks that every value is a string and both have the same keys.</summary>
    public static CardStrings Load(string folder)
    {
        var vi = LoadTable(Path.Combine(folder, "strings", "vi.json"));
        var en = LoadTable(Path.Combine(folder, "strings", "en.json"));
        var missing = vi.Select(p => p.Key).Except(en.Select(p => p.Key))
            .Concat(en.Select(p => p.Key).Except(vi.Select(p => p.Key))).ToList();
        if (missing.Count > 0)
        {
            throw new CardTemplateException("String tables differ in keys: " + string.Join(", ", missing));
        }

        return new CardStrings(vi, en);
    }

    private static JsonObject LoadTable(string path)
    {
        var table = CardFiles.ReadObject(path);
        var bad = table.Where(p => p.Value is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String).Select(p => p.Key).ToList();
        return bad.Count == 0 ? table : throw new CardTemplateException($"{path}: values must be strings ({string.Join(", ", bad)})");
    }
}
