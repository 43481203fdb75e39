using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Cards;

/// <summary>Hostile user text can neither add card elements nor be evaluated, and once made plain it renders no markdown.</summary>
public sealed class CardInjectionTests
{
    public static TheoryData<string> Hostile =>
    [
        "\"}]},{\"type\":\"Image\",\"url\":\"https://evil.example/x.png\"},{\"type\":\"TextBlock\",\"text\":\"",
        "[click](https://evil.example)",
        "![img](https://evil.example/x.png)",
        "<at>Boss</at>",
        "**x** _y_ ~~z~~",
        "# Heading\n- item\n1. first\n> quote",
        "${$root.t}",
        "${t.helpTitle} \\${x}",
        "`code` | table | & &amp;",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_in_data_stays_one_literal_string_in_one_text_block(string hostile)
    {
        var card = CardCases.Templates.Render("error", new JsonObject { ["message"] = hostile, ["code"] = hostile }, "vi");
        var body = card["body"]!.AsArray();
        Assert.Equal(4, body.Count);
        Assert.All(body, e => Assert.Equal("TextBlock", (string?)e!["type"]));
        Assert.Equal(hostile, (string?)body[1]!["text"]);
        Assert.EndsWith(": " + hostile, (string?)body[3]!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("\"Image\"", card.ToJsonString().Replace("\\u0022Image\\u0022", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_binding_inside_data_is_not_evaluated()
    {
        var card = CardCases.Templates.Render("welcome", new JsonObject { ["name"] = "${$root.t.welcomeTitle}" }, "vi");
        Assert.Equal("Xin chào, ${$root.t.welcomeTitle}!", (string?)card["body"]![1]!["text"]);
    }

    [Theory]
    [InlineData("[click](https://evil)", "\\[click\\]\\(https://evil\\)")]
    [InlineData("![x](https://evil/x.png)", "\\!\\[x\\]\\(https://evil/x.png\\)")]
    [InlineData("<at>Boss</at>", "\\<at\\>Boss\\</at\\>")]
    [InlineData("**x** _y_ ~z~", "\\*\\*x\\*\\* \\_y\\_ \\~z\\~")]
    [InlineData("# title", "\\# title")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("- item", "\\- item")]
    [InlineData("+ item", "\\+ item")]
    [InlineData("* item", "\\* item")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("  2) second", "  2\\) second")]
    [InlineData("a\n- b", "a\n\\- b")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("Nguyễn Văn An - phó phòng 2.5", "Nguyễn Văn An - phó phòng 2.5")]
    [InlineData("", "")]
    public void Plain_escapes_markdown_and_mentions(string input, string expected)
    {
        Assert.Equal(expected, CardText.Plain(input));
    }

    [Fact]
    public void Plain_text_keeps_no_unescaped_markdown_character()
    {
        foreach (var hostile in Hostile)
        {
            var plain = CardText.Plain(hostile);
            for (var i = 0; i < plain.Length; i++)
            {
                if ("[]()*_~<>#!`".Contains(plain[i], StringComparison.Ordinal))
                {
                    Assert.True(i > 0 && plain[i - 1] == '\\', $"unescaped '{plain[i]}' at {i} in {plain}");
                }
            }
        }
    }

    [Fact]
    public async Task Official_templating_also_keeps_hostile_data_literal()
    {
        var cases = new JsonArray();
        foreach (var hostile in Hostile)
        {
            var data = CardCases.Templates.RootData(new JsonObject { ["message"] = hostile, ["code"] = CardText.Plain(hostile) }, "vi");
            cases.Add(new JsonObject { ["id"] = hostile, ["template"] = CardCases.TemplateJson("error"), ["data"] = data });
        }

        var results = await NodeScript.RunCasesAsync("card-oracle.cjs", new JsonObject { ["op"] = "expand", ["cases"] = cases });
        foreach (var hostile in Hostile)
        {
            var ours = CardCases.Templates.Render("error", new JsonObject { ["message"] = hostile, ["code"] = CardText.Plain(hostile) }, "vi");
            JsonAssert.Equal(results[hostile]["expanded"], ours, hostile);
        }
    }
}
