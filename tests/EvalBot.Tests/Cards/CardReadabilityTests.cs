using System.Text.Json.Nodes;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Cards;

/// <summary>What a screen reader and a tired eye get from every template: inputs named by their label, no coloured warning text on white.</summary>
public sealed class CardReadabilityTests
{
    public static TheoryData<string> Templates() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "cards"), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_input_has_a_label_and_no_placeholder_that_is_only_a_number(string template)
    {
        var inputs = Nodes(JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "cards", template))))
            .Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).ToList();

        Assert.All(inputs, i => Assert.False(string.IsNullOrWhiteSpace((string?)i["label"]), $"{template}: {(string?)i["id"]} has no label"));
        Assert.All(inputs, i => Assert.False(decimal.TryParse((string?)i["placeholder"], out _), $"{template}: {(string?)i["id"]} has a number for a placeholder"));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void No_text_is_written_in_the_warning_colour(string template)
    {
        var warnings = Nodes(JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "cards", template))))
            .Where(o => (string?)o["type"] == "TextBlock" && (string?)o["color"] == "Warning").Select(o => (string?)o["text"]).ToList();

        Assert.Empty(warnings);
    }

    private static IEnumerable<JsonObject> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Nodes(p.Value))),
        JsonArray a => a.SelectMany(Nodes),
        _ => [],
    };
}
