using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace EvalBot.Cards;

/// <summary>
/// Every card template of the <c>cards</c> folder, loaded and checked once at start-up, so a broken template stops
/// the app instead of failing in front of a user. Rendering injects the string table as <c>$root.t</c> and the
/// language (<c>vi</c> or <c>en</c>) as <c>$root.locale</c>.
/// </summary>
public sealed class CardTemplates
{
    private readonly FrozenDictionary<string, CardTemplate> _templates;

    public CardTemplates(IOptions<CardsOptions> options)
        : this(Path.GetFullPath(options?.Value.TemplatesPath ?? "cards", AppContext.BaseDirectory))
    {
    }

    /// <summary>Loads <c>{folder}/*.json</c> and <c>{folder}/strings/{vi,en}.json</c>.</summary>
    public CardTemplates(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CardTemplateException("Card templates folder not found: " + folder);
        }

        Strings = CardStrings.Load(folder);
        var templates = new Dictionary<string, CardTemplate>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var json = CardFiles.ReadObject(file);
            if ((string?)json["type"] != "AdaptiveCard")
            {
                throw new CardTemplateException(file + ": \"type\" must be \"AdaptiveCard\"");
            }

            try
            {
                templates[Path.GetFileNameWithoutExtension(file)] = CardTemplate.Parse(json);
            }
            catch (CardTemplateException e)
            {
                throw new CardTemplateException(file + ": " + e.Message, e);
            }
        }

        if (templates.Count == 0)
        {
            throw new CardTemplateException("No card templates in " + folder);
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public CardStrings Strings { get; }

    public IReadOnlyCollection<string> Names => _templates.Keys;

    /// <summary>Renders a card. <paramref name="data"/> is not modified; it must not use the reserved keys <c>t</c> and <c>locale</c>.</summary>
    public JsonObject Render(string templateName, JsonObject data, string? locale)
    {
        if (!_templates.TryGetValue(templateName, out var template))
        {
            throw new CardTemplateException("Unknown card template " + templateName);
        }

        // The same $root as RootData gives, except that "t" is the language's shared table rather than a copy of it.
        var language = CardStrings.LanguageOf(locale);
        var root = DataRoot(data);
        root["locale"] = language;
        return template.Expand(root, Strings.TableFor(language)) as JsonObject
            ?? throw new CardTemplateException(templateName + " did not expand to a card");
    }

    /// <summary>The exact <c>$root</c> a template sees: a copy of the data plus <c>t</c> and <c>locale</c>.</summary>
    public JsonObject RootData(JsonObject data, string? locale)
    {
        var language = CardStrings.LanguageOf(locale);
        var root = DataRoot(data);
        root["t"] = Strings.For(language).DeepClone();
        root["locale"] = language;
        return root;
    }

    /// <summary>A copy of the data, refused when it uses a reserved key in any case (a template's lookups ignore case).</summary>
    private static JsonObject DataRoot(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var (key, _) in data)
        {
            if (key.Equals("t", StringComparison.OrdinalIgnoreCase) || key.Equals("locale", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("Card data must not contain the reserved keys 't' or 'locale'", nameof(data));
            }
        }

        return (JsonObject)data.DeepClone();
    }
}
