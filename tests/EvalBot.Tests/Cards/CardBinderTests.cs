using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Cards;

/// <summary>The binder on its own: a table of templating behaviours, each also confirmed by adaptivecards-templating.</summary>
public sealed class CardBinderTests
{
    public static TheoryData<string> RowNames => [.. BinderTable.Rows.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Binder_expands_the_table_row_as_expected(string name)
    {
        var row = BinderTable.Rows.Single(r => r.Name == name);
        var actual = Expand(row.Template);
        JsonAssert.Equal(JsonNode.Parse(BinderTable.Json(row.Expected)), actual, name);
    }

    [Fact]
    public async Task Every_table_row_matches_adaptivecards_templating()
    {
        var cases = new JsonArray();
        foreach (var row in BinderTable.Rows)
        {
            cases.Add(new JsonObject
            {
                ["id"] = row.Name,
                ["template"] = JsonNode.Parse(BinderTable.Json(row.Template)),
                ["data"] = JsonNode.Parse(BinderTable.DataJson),
            });
        }

        var results = await NodeScript.RunCasesAsync("card-oracle.cjs", new JsonObject { ["op"] = "expand", ["cases"] = cases });
        var differences = BinderTable.Rows
            .Select(row => (row.Name, Difference: JsonAssert.FirstDifference(results[row.Name]["expanded"], Expand(row.Template), "$")))
            .Where(r => r.Difference is not null)
            .Select(r => $"{r.Name}: {r.Difference} oracle={results[r.Name].ToJsonString()}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Theory]
    [InlineData("${unknownFunction(1)}")]
    [InlineData("${if(a, b)}")]
    [InlineData("${a + b}")]
    [InlineData("${a ? b : c}")]
    [InlineData("${`x`}")]
    [InlineData("${(a}")]
    [InlineData("${{a:1}}")]
    public void Template_outside_the_supported_subset_fails_when_parsed(string text)
    {
        var template = new JsonObject { ["v"] = text.Replace('`', '\'') };
        if (text == "${`x`}")
        {
            template["v"] = "a ` ${x}";
        }

        Assert.Throws<CardTemplateException>(() => CardTemplate.Parse(template));
    }

    [Fact]
    public void Whole_string_binding_that_fails_to_evaluate_throws()
    {
        var template = CardTemplate.Parse(new JsonObject { ["v"] = "${length(n)}" });
        Assert.Throws<CardTemplateException>(() => template.Expand(new JsonObject { ["n"] = 3 }));
    }

    [Fact]
    public void Expanding_does_not_change_the_data_and_shares_no_node_with_it()
    {
        var data = JsonNode.Parse(BinderTable.DataJson)!.AsObject();
        var before = data.ToJsonString();
        var result = CardTemplate.Parse(new JsonObject { ["o"] = "${o}", ["again"] = "${o}" }).Expand(data)!;
        result["o"]!["a"] = 99;
        Assert.Equal(before, data.ToJsonString());
        Assert.Equal(1, (int)result["again"]!["a"]!);
    }

    private static JsonNode? Expand(string template) =>
        CardTemplate.Parse(JsonNode.Parse(BinderTable.Json(template))!).Expand(JsonNode.Parse(BinderTable.DataJson)!.AsObject());
}
