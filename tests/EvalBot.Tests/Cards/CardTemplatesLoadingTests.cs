using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Cards;

/// <summary>Loading fails fast on a broken cards folder; rendering picks the language and leaves the data alone.</summary>
public sealed class CardTemplatesLoadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evalbot-cards-" + Guid.NewGuid().ToString("N"));

    public CardTemplatesLoadingTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "strings"));
        File.WriteAllText(Path.Combine(_folder, "strings", "vi.json"), "{\"hi\":\"Xin chào\"}");
        File.WriteAllText(Path.Combine(_folder, "strings", "en.json"), "{\"hi\":\"Hello\"}");
        File.WriteAllText(Path.Combine(_folder, "ok.json"), "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"${t.hi} ${locale}\"}]}");
    }

    [Fact]
    public void A_valid_folder_loads_and_renders_in_the_requested_language()
    {
        var templates = new CardTemplates(_folder);
        Assert.Equal("Xin chào vi", (string?)templates.Render("ok", [], null)["body"]![0]!["text"]);
        Assert.Equal("Hello en", (string?)templates.Render("ok", [], "en-GB")["body"]![0]!["text"]);
    }

    [Theory]
    [InlineData(null, "vi")]
    [InlineData("vi-VN", "vi")]
    [InlineData("fr-FR", "vi")]
    [InlineData("en", "en")]
    [InlineData("EN-us", "en")]
    public void Vietnamese_is_the_default_and_English_needs_an_en_locale(string? locale, string language)
    {
        Assert.Equal(language, CardStrings.LanguageOf(locale));
    }

    [Theory]
    [InlineData("bad.json", "{\"type\":\"AdaptiveCard\",")]
    [InlineData("bad.json", "{\"type\":\"AdaptiveCard\",\"body\":[{\"text\":\"${nope(1)}\"}]}")]
    [InlineData("bad.json", "{\"type\":\"Message\"}")]
    [InlineData("strings/en.json", "{\"other\":\"Hello\"}")]
    [InlineData("strings/vi.json", "{\"hi\":1}")]
    public void A_broken_file_stops_loading(string file, string content)
    {
        File.WriteAllText(Path.Combine(_folder, file), content);
        Assert.Throws<CardTemplateException>(() => new CardTemplates(_folder));
    }

    [Fact]
    public void A_missing_folder_or_string_table_stops_loading()
    {
        Assert.Throws<CardTemplateException>(() => new CardTemplates(Path.Combine(_folder, "nope")));
        File.Delete(Path.Combine(_folder, "strings", "en.json"));
        Assert.Throws<CardTemplateException>(() => new CardTemplates(_folder));
    }

    [Fact]
    public void Rendering_an_unknown_card_or_reserved_data_keys_fails()
    {
        var templates = new CardTemplates(_folder);
        Assert.Throws<CardTemplateException>(() => templates.Render("nope", [], "vi"));
        Assert.Throws<ArgumentException>(() => templates.Render("ok", new JsonObject { ["t"] = 1 }, "vi"));
        Assert.Throws<ArgumentException>(() => templates.Render("ok", new JsonObject { ["locale"] = "en" }, "vi"));
        // A template's lookups ignore case, so "T" would stand where the string table does.
        Assert.Throws<ArgumentException>(() => templates.Render("ok", new JsonObject { ["T"] = 1 }, "vi"));
        Assert.Throws<ArgumentException>(() => templates.Render("ok", new JsonObject { ["Locale"] = "en" }, "vi"));
    }

    [Fact]
    public void Rendering_gives_the_same_card_as_expanding_the_full_root_with_its_copied_string_table()
    {
        var templates = new CardTemplates(Path.Combine(AppContext.BaseDirectory, "cards"));
        foreach (var name in templates.Names)
        {
            foreach (var locale in new[] { "vi", "en" })
            {
                var data = new JsonObject { ["name"] = "An" };
                var shared = templates.Render(name, data, locale).ToJsonString();
                var copied = CardTemplate.Parse(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cards", name + ".json")))!)
                    .Expand(templates.RootData(data, locale))!.ToJsonString();
                Assert.Equal(copied, shared);
            }
        }
    }

    [Fact]
    public void Rendering_leaves_the_data_unchanged()
    {
        var data = new JsonObject { ["name"] = "An" };
        new CardTemplates(_folder).Render("ok", data, "vi");
        Assert.Equal("{\"name\":\"An\"}", data.ToJsonString());
    }

    [Fact]
    public void AddCards_reads_the_templates_path_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cards:TemplatesPath"] = _folder }).Build();
        using var provider = new ServiceCollection().AddCards(configuration).BuildServiceProvider();
        Assert.Equal(["ok"], provider.GetRequiredService<CardTemplates>().Names);
    }

    [Fact]
    public void The_real_string_tables_have_the_same_non_empty_keys()
    {
        var strings = CardStrings.Load(RepoPaths.Cards);
        Assert.Equal(strings.Vietnamese.Select(p => p.Key).Order(), strings.English.Select(p => p.Key).Order());
        Assert.All(strings.Vietnamese.Concat(strings.English), p => Assert.False(string.IsNullOrWhiteSpace((string?)p.Value), p.Key));
        Assert.Contains("Trợ giúp", (string?)strings.Vietnamese["helpTitle"], StringComparison.Ordinal);
    }

    [Fact]
    public void Attachment_wraps_the_card_with_the_adaptive_card_content_type()
    {
        var card = CardCases.Render(new CardCase("help", "help", "vi"));
        var attachment = CardAttachment.From(card);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]!["type"]);
        Assert.Equal("1.5", (string?)attachment["content"]!["version"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
