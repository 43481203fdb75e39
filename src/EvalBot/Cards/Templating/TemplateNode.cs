using System.Text.Json.Nodes;

namespace EvalBot.Cards.Templating;

/// <summary>A template prepared once at load time, so syntax errors fail at start-up and rendering only evaluates.</summary>
internal abstract record TemplateNode;

/// <summary>A JSON value with no binding in it (cloned into each output).</summary>
internal sealed record LiteralNode(JsonNode? Value) : TemplateNode
{
    /// <summary>The value as expressions see it, read once: a string, double, bool or null, or the object or array node itself.</summary>
    public object? Js { get; } = JsValue.FromNode(Value);
}

/// <summary>A string that is exactly one binding, <c>"${expr}"</c>: the result keeps its JSON type.</summary>
internal sealed record BindingNode(Expr Expression) : TemplateNode;

/// <summary>A string mixing text and bindings: the result is always a string.</summary>
internal sealed record InterpolationNode(IReadOnlyList<Expr> Parts) : TemplateNode;

internal sealed record ArrayNode(IReadOnlyList<TemplateNode> Items) : TemplateNode;

/// <summary>An object; <see cref="Data"/> and <see cref="When"/> hold <c>$data</c> and <c>$when</c> when present.</summary>
internal sealed record ObjectNode(IReadOnlyList<KeyValuePair<string, TemplateNode>> Properties, TemplateNode? Data, TemplateNode? When) : TemplateNode;
