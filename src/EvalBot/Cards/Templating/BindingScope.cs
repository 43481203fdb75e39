using System.Text.Json.Nodes;

namespace EvalBot.Cards.Templating;

/// <summary>
/// What an expression sees: <c>$root</c>, the current <c>$data</c> (undefined means <c>$root</c>) and <c>$index</c>;
/// <paramref name="Strings"/>, when given, is the string table the root's <c>t</c> stands for, shared by every render
/// instead of copied into each root.
/// </summary>
internal sealed record BindingScope(JsonObject Root, object? Data, object? Index, StringTable? Strings = null)
{
    public static BindingScope ForRoot(JsonObject root, StringTable? strings = null) => new(root, JsValue.Undefined, JsValue.Undefined, strings);

    public object? CurrentData => ReferenceEquals(Data, JsValue.Undefined) ? Root : Data;
}
