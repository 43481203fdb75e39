using System.Text.Json.Nodes;

namespace EvalBot.Cards.Templating;

/// <summary>What an expression sees: <c>$root</c>, the current <c>$data</c> (undefined means <c>$root</c>) and <c>$index</c>.</summary>
internal sealed record BindingScope(JsonObject Root, object? Data, object? Index)
{
    public static BindingScope ForRoot(JsonObject root) => new(root, JsValue.Undefined, JsValue.Undefined);

    public object? CurrentData => ReferenceEquals(Data, JsValue.Undefined) ? Root : Data;
}
