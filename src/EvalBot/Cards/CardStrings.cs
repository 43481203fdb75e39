using System.Text.Json.Nodes;

namespace EvalBot.Cards;

/// <summary>
/// The user-visible strings of the cards, one table per language: <c>strings/vi.json</c> and <c>strings/en.json</c>,
/// merged with per-feature files <c>strings/&lt;feature&gt;.vi.json</c> and <c>strings/&lt;feature&gt;.en.json</c>.
/// A key defined twice is an error.
/// </summary>
public sealed record CardStrings(JsonObject Vietnamese, JsonObject English)
{
    /// <summary>Vietnamese first: English only when the locale starts with "en".</summary>
    public static string LanguageOf(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "vi";

    private Templating.StringTable? _vietnameseTable;
    private Templating.StringTable? _englishTable;

    public JsonObject For(string language) => language == "en" ? English : Vietnamese;

    /// <summary>The language's table for rendering: built once, shared by every render, never copied.</summary>
    public Templating.StringTable TableFor(string language) => language == "en"
        ? _englishTable ??= new Templating.StringTable(English)
        : _vietnameseTable ??= new Templating.StringTable(Vietnamese);

    /// <summary>Loads both tables and checks that every value is a string and both have the same keys.</summary>
    public static CardStrings Load(string folder)
    {
        var vi = LoadLanguage(folder, "vi");
        var en = LoadLanguage(folder, "en");
        var missing = vi.Select(p => p.Key).Except(en.Select(p => p.Key))
            .Concat(en.Select(p => p.Key).Except(vi.Select(p => p.Key))).ToList();
        if (missing.Count > 0)
        {
            throw new CardTemplateException("String tables differ in keys: " + string.Join(", ", missing));
        }

        return new CardStrings(vi, en);
    }

    private static JsonObject LoadLanguage(string folder, string language)
    {
        var strings = Path.Combine(folder, "strings");
        var files = new[] { Path.Combine(strings, language + ".json") }
            .Concat(Directory.Exists(strings) ? Directory.EnumerateFiles(strings, "*." + language + ".json").Order(StringComparer.Ordinal) : []);
        var merged = new JsonObject();
        foreach (var file in files)
        {
            foreach (var (key, value) in LoadTable(file))
            {
                if (merged.ContainsKey(key))
                {
                    throw new CardTemplateException($"{file}: the string '{key}' is already defined");
                }

                merged[key] = value?.DeepClone();
            }
        }

        return merged;
    }

    private static JsonObject LoadTable(string path)
    {
        var table = CardFiles.ReadObject(path);
        var bad = table.Where(p => p.Value is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String).Select(p => p.Key).ToList();
        return bad.Count == 0 ? table : throw new CardTemplateException($"{path}: values must be strings ({string.Join(", ", bad)})");
    }
}
