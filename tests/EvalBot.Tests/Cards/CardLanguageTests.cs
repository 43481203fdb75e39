using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EvalBot.Tests.Cards;

/// <summary>
/// The language rule on every card kind: a card's words come only from the string table of the language it is rendered in.
/// Templates hold no words of their own; each sample rendered in English holds no phrase that only the Vietnamese table has,
/// and rendered in Vietnamese no phrase that only the English table has (the sample data, Vietnamese like the real data, is
/// allowed to contain what it contains); and a template that uses a string the two tables word differently renders
/// differently in the two languages.
/// </summary>
public sealed partial class CardLanguageTests
{
    private static readonly string[] VisibleProperties = ["text", "title", "label", "placeholder", "errorMessage", "altText", "fallbackText", "value"];

    public static TheoryData<string> Templates() => new(CardCases.Templates.Names.Order(StringComparer.Ordinal));

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in CardCases.Templates.Names.Order(StringComparer.Ordinal))
        {
            foreach (var sample in CardCases.SamplesOf(template)) data.Add(template, sample);
        }

        return data;
    }

    [GeneratedRegex(@"\$\{(?:[^{}]|\{[^{}]*\})*\}")]
    private static partial Regex Binding();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();

    [GeneratedRegex(@"(?:\$root\.)?t\.(\w+)")]
    private static partial Regex TableKey();

    /// <summary>
    /// Every user-visible string of a card, in document order: texts, titles, labels and facts' values; actions' data, ids,
    /// and the values of inputs and of their choices (what the client sends back, never shown) left out.
    /// </summary>
    private static List<string> Visible(JsonNode? node)
    {
        var result = new List<string>();
        void Walk(JsonNode? n)
        {
            if (n is JsonArray array)
            {
                foreach (var child in array) Walk(child);
                return;
            }

            if (n is not JsonObject o) return;
            var input = o.ContainsKey("id") || (o.ContainsKey("title") && o.ContainsKey("value") && o.Parent?.GetPropertyName() == "choices");
            foreach (var (key, child) in o)
            {
                if (key is "data" or "id" or "verb" or "url" or "$schema" || (input && key == "value")) continue;
                if (VisibleProperties.Contains(key) && child is JsonValue v && v.TryGetValue<string>(out var s)) result.Add(s);
                else Walk(child);
            }
        }

        Walk(node);
        return result;
    }

    /// <summary>The longest literal run of a table value (between its {n} placeholders): what a rendered card would show of it.</summary>
    private static string Probe(string value) =>
        Placeholder().Split(value).Select(f => f.Trim()).OrderByDescending(f => f.Length).First();

    /// <summary>
    /// Phrases only <paramref name="own"/> has: not in <paramref name="data"/>, and not quoted inside a longer sentence of
    /// <paramref name="other"/> (English may name a Vietnamese term, «DỰ THẢO»); a value of <paramref name="other"/> that
    /// is the phrase itself is a copy left untranslated, and still counts as the wrong language.
    /// </summary>
    private static List<(string Key, string Phrase)> OnlyIn(JsonObject own, JsonObject other, string data, Func<string, bool> distinctive)
    {
        var otherValues = other.Select(p => (string)p.Value!).ToList();
        return [.. own.Select(p => (p.Key, Phrase: Probe((string)p.Value!)))
            .Where(p => p.Phrase.Length >= 6 && distinctive(p.Phrase) && (string?)other[p.Key] != (string?)own[p.Key])
            .Where(p => !otherValues.Any(v => v.Length > p.Phrase.Length + 10 && v.Contains(p.Phrase, StringComparison.Ordinal)) && !data.Contains(p.Phrase, StringComparison.Ordinal))];
    }

    [Fact]
    public void A_string_worded_the_same_in_both_tables_is_not_Vietnamese_left_untranslated()
    {
        var strings = CardCases.Templates.Strings;
        var untranslated = strings.Vietnamese.Where(p => (string?)p.Value == (string?)strings.English[p.Key] && VietnameseLetter().IsMatch((string)p.Value!))
            .Select(p => p.Key).ToList();

        Assert.True(untranslated.Count == 0, "The English table repeats Vietnamese: " + string.Join(", ", untranslated));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_template_has_no_words_of_its_own(string template)
    {
        var words = Visible(CardCases.TemplateJson(template)).Select(s => Binding().Replace(s, "")).Where(s => s.Any(char.IsLetter)).ToList();

        Assert.True(words.Count == 0, $"{template} writes words outside the string tables: {string.Join(" | ", words)}");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_language_renders_from_its_own_table(string template, string sample)
    {
        var strings = CardCases.Templates.Strings;
        var data = Regex.Unescape(CardCases.SampleData(sample).ToJsonString());
        var vi = Visible(CardCases.Render(new CardCase(template, sample, "vi-VN")));
        var en = Visible(CardCases.Render(new CardCase(template, sample, "en-US")));

        var viInEnglish = OnlyIn(strings.Vietnamese, strings.English, data, p => VietnameseLetter().IsMatch(p))
            .Where(p => en.Any(t => t.Contains(p.Phrase, StringComparison.Ordinal))).ToList();
        var enInVietnamese = OnlyIn(strings.English, strings.Vietnamese, data, p => p.Contains(' ', StringComparison.Ordinal) && !VietnameseLetter().IsMatch(p))
            .Where(p => vi.Any(t => t.Contains(p.Phrase, StringComparison.Ordinal))).ToList();

        Assert.True(viInEnglish.Count == 0, $"{template}/{sample} in English shows Vietnamese strings: {string.Join(" | ", viInEnglish)}");
        Assert.True(enInVietnamese.Count == 0, $"{template}/{sample} in Vietnamese shows English strings: {string.Join(" | ", enInVietnamese)}");
        var differing = TableKey().Matches(CardCases.TemplateJson(template).ToJsonString()).Select(m => m.Groups[1].Value)
            .Any(k => strings.Vietnamese[k] is { } v && (string?)v != (string?)strings.English[k]);
        if (differing) Assert.NotEqual(vi, en);
    }
}
