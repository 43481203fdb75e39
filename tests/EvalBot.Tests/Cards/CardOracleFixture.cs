using System.Text.Json.Nodes;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Cards;

/// <summary>
/// Asks the official packages about every card case in two node runs: what adaptivecards-templating expands
/// (from the same template and the same <c>$root</c>, string table and locale included), and what the
/// adaptivecards parser reports about our own rendering.
/// </summary>
public sealed class CardOracleFixture : IAsyncLifetime
{
    public IReadOnlyDictionary<string, JsonObject> Expanded { get; private set; } = new Dictionary<string, JsonObject>();

    public IReadOnlyDictionary<string, JsonObject> Validated { get; private set; } = new Dictionary<string, JsonObject>();

    public async Task InitializeAsync()
    {
        var cases = CardCases.All().ToList();
        var expand = new JsonArray();
        var validate = new JsonArray();
        foreach (var c in cases)
        {
            var root = CardCases.Templates.RootData(CardCases.SampleData(c.Sample), c.Locale);
            expand.Add(new JsonObject { ["id"] = c.Id, ["template"] = CardCases.TemplateJson(c.Template), ["data"] = root });
            validate.Add(new JsonObject { ["id"] = c.Id, ["card"] = CardCases.Render(c) });
        }

        Expanded = await NodeScript.RunCasesAsync("card-oracle.cjs", new JsonObject { ["op"] = "expand", ["cases"] = expand });
        Validated = await NodeScript.RunCasesAsync("card-oracle.cjs", new JsonObject { ["op"] = "validate", ["cases"] = validate });
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
