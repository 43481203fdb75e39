using EvalBot.Cards;

namespace EvalBot.Tests.Cards;

/// <summary>Every card, every sample, both languages: same as the official templating engine, clean for the official parser, and within our rules.</summary>
public sealed class CardTemplatesOracleTests(CardOracleFixture oracle) : IClassFixture<CardOracleFixture>
{
    public static TheoryData<CardCase> Cases => CardCases.Theory();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Card_renders_exactly_as_adaptivecards_templating_expands_it(CardCase card)
    {
        var result = oracle.Expanded[card.Id];
        Assert.Null((string?)result["error"]);
        JsonAssert.Equal(result["expanded"], CardCases.Render(card), card.Id);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendered_card_raises_no_parse_or_validation_event_in_the_official_parser(CardCase card)
    {
        var events = oracle.Validated[card.Id]["events"]!.AsArray().Select(e => e!.ToJsonString()).ToList();
        Assert.True(events.Count == 0, card.Id + ": " + string.Join("\n", events));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendered_card_follows_our_rules_and_resolves_every_binding(CardCase card)
    {
        var violations = CardRules.Violations(CardCases.Render(card));
        Assert.True(violations.Count == 0, card.Id + ": " + string.Join("\n", violations));
    }

    [Fact]
    public void Every_template_has_a_sample_and_every_sample_a_template()
    {
        var templates = CardCases.Templates.Names.ToHashSet();
        var samples = Directory.EnumerateFiles(Path.Combine(Support.RepoPaths.Cards, "samples"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f).Split('.')[0]).ToHashSet();
        Assert.Equal(templates.Order(), samples.Intersect(templates).Order());
        Assert.Empty(samples.Except(templates));
    }

    [Fact]
    public void The_cards_folder_holds_the_welcome_help_and_error_cards()
    {
        Assert.Superset(new HashSet<string> { "welcome", "help", "error" }, CardCases.Templates.Names.ToHashSet());
    }

    [Theory]
    [InlineData("vi-VN", "Trợ giúp EvalBot")]
    [InlineData("en-US", "EvalBot help")]
    public void Help_card_title_follows_the_locale(string locale, string title)
    {
        var card = CardCases.Templates.Render("help", [], locale);
        Assert.Equal(title, (string?)card["body"]![0]!["text"]);
    }

    [Fact]
    public void Help_card_lists_every_command_with_a_details_button()
    {
        var card = CardCases.Templates.Render("help", [], "vi");
        var topics = card.ToJsonString();
        foreach (var topic in new[] { "checkin", "feedback", "summary", "unit", "dossier", "classification", "help" })
        {
            Assert.Contains($"\"verb\":\"help.show\",\"data\":{{\"topic\":\"{topic}\"}}", topics, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("summary", 1)]
    [InlineData("nonsense", 0)]
    public void Help_card_shows_the_details_of_the_requested_topic_only(string? topic, int detailSections)
    {
        var data = topic is null ? new System.Text.Json.Nodes.JsonObject() : new System.Text.Json.Nodes.JsonObject { ["topic"] = topic };
        var card = CardCases.Templates.Render("help", data, "vi");
        var sections = card["body"]!.AsArray().Count(e => (string?)e!["style"] == "emphasis");
        Assert.Equal(detailSections, sections);
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "Xin chào, Nguyễn Văn An!")]
    [InlineData("", "Xin chào!")]
    public void Welcome_card_greets_by_name_when_known(string name, string greeting)
    {
        var card = CardCases.Templates.Render("welcome", new() { ["name"] = CardText.Plain(name) }, "vi-VN");
        Assert.Equal(greeting, (string?)card["body"]![1]!["text"]);
    }
}
