using System.Text.Json.Nodes;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Cards;

/// <summary>The oracle is not vacuous: the official parser does report broken cards and broken fallbacks.</summary>
public sealed class CardOracleSanityTests
{
    [Fact]
    public async Task Official_parser_reports_an_unknown_element_a_bad_value_and_a_bad_fallback()
    {
        var body = new JsonArray { new JsonObject { ["type"] = "Bogus" }, new JsonObject { ["type"] = "TextBlock", ["text"] = "x", ["size"] = "gigantic" } };
        var fallback = new JsonObject { ["type"] = "Action.Execute", ["title"] = "x", ["verb"] = "v", ["fallback"] = new JsonObject { ["type"] = "Action.Bogus" } };
        var cases = new JsonArray
        {
            new JsonObject { ["id"] = "body", ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = body } },
            new JsonObject { ["id"] = "fallback", ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["actions"] = new JsonArray { fallback } } },
        };

        var results = await NodeScript.RunCasesAsync("card-oracle.cjs", new JsonObject { ["op"] = "validate", ["cases"] = cases });

        Assert.Equal(2, results["body"]["events"]!.AsArray().Count);
        Assert.NotEmpty(results["fallback"]["events"]!.AsArray());
    }
}
