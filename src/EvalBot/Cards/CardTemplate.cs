using System.Text.Json.Nodes;
using EvalBot.Cards.Templating;

namespace EvalBot.Cards;

/// <summary>
/// One Adaptive Card template, prepared once. Binding is value-based: data values are inserted as JSON values and
/// never re-read as template text, so no user string can add elements or be evaluated as a binding.
/// </summary>
public sealed class CardTemplate
{
    private readonly TemplateNode _root;

    private CardTemplate(TemplateNode root) => _root = root;

    /// <summary>Prepares a template; throws <see cref="CardTemplateException"/> on a binding outside the supported subset.</summary>
    public static CardTemplate Parse(JsonNode template) => new(TemplateCompiler.Prepare(template));

    /// <summary>Expands the template with <paramref name="root"/> as <c>$root</c> (and the initial <c>$data</c>).</summary>
    /// <returns>The expanded JSON; null when the root element itself was dropped.</returns>
    public JsonNode? Expand(JsonObject root) => Expand(root, null);

    /// <summary>Expands with <paramref name="strings"/> standing for <c>$root.t</c> (the root must not hold a <c>t</c>).</summary>
    public JsonNode? Expand(JsonObject root, StringTable? strings)
    {
        ArgumentNullException.ThrowIfNull(root);
        var result = TemplateExpander.Expand(_root, BindingScope.ForRoot(root, strings));
        return result as JsonNode ?? JsValue.ToNode(ReferenceEquals(result, JsValue.Undefined) ? null : result);
    }
}
