using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Cards;

/// <summary>One rendering to check: a template, one of its sample data files, a locale.</summary>
public sealed record CardCase(string Template, string Sample, string Locale)
{
    public string Id => $"{Template}/{Sample}/{Locale}";

    public override string ToString() => Id;
}

/// <summary>The cards folder as the tests see it: every template × every sample of it × vi and en.</summary>
public static class CardCases
{
    private static readonly Lazy<CardTemplates> LazyTemplates = new(() => new CardTemplates(RepoPaths.Cards));

    public static CardTemplates Templates => LazyTemplates.Value;

    public static string[] Locales { get; } = ["vi-VN", "en-US"];

    /// <summary>Samples are <c>samples/&lt;card&gt;.json</c> plus optional variants <c>samples/&lt;card&gt;.&lt;variant&gt;.json</c>.</summary>
    public static IEnumerable<string> SamplesOf(string template) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Cards, "samples"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => name == template || name.StartsWith(template + ".", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<CardCase> All() =>
        from template in Templates.Names.Order(StringComparer.Ordinal)
        from sample in SamplesOf(template)
        from locale in Locales
        select new CardCase(template, sample, locale);

    public static TheoryData<CardCase> Theory()
    {
        var data = new TheoryData<CardCase>();
        foreach (var c in All())
        {
            data.Add(c);
        }

        return data;
    }

    public static JsonObject SampleData(string sample) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cards, "samples", sample + ".json")))!.AsObject();

    public static JsonObject TemplateJson(string template) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cards, template + ".json")))!.AsObject();

    public static JsonObject Render(CardCase c) => Templates.Render(c.Template, SampleData(c.Sample), c.Locale);
}
