using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalBot.Cards.Templating;

/// <summary>
/// Values as adaptive-expressions sees them: JavaScript semantics over JSON. A value is
/// <see cref="Undefined"/>, null, string, double, bool, or a <see cref="JsonObject"/>/<see cref="JsonArray"/>.
/// </summary>
internal static class JsValue
{
    /// <summary>JavaScript's undefined: a missing path, distinct from a JSON null.</summary>
    public static readonly object Undefined = new UndefinedValue();

    private const double NumberEpsilon = 2.220446049250313e-16;

    private static readonly JsonSerializerOptions StringifyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsNullish(object? value) => value is null || ReferenceEquals(value, Undefined);

    /// <remarks>Every arm is typed <c>object?</c>: JsonNode's implicit conversions would otherwise wrap primitives back into nodes.</remarks>
    public static object? FromNode(JsonNode? node)
    {
        if (node is JsonObject or JsonArray)
        {
            return node;
        }

        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => (object?)v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>Converts a value to a detached node for the output card (data nodes are cloned, never shared).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when Math.Abs(d) < 9007199254740992d && d == Math.Floor(d) => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        JsonNode n => n.DeepClone(),
        _ => null,
    };

    /// <summary>JavaScript's <c>String(value)</c> as used when an interpolated string is assembled.</summary>
    public static string ToJsString(object? value) => value switch
    {
        string s => s,
        double d => JsNumber.ToString(d),
        bool b => b ? "true" : "false",
        JsonArray a => string.Join(',', a.Select(n => IsNullish(FromNode(n)) ? string.Empty : ToJsString(FromNode(n)))),
        JsonObject => "[object Object]",
        _ => throw new ExpressionException("Cannot read properties of " + (value is null ? "null" : "undefined") + " (reading 'toString')"),
    };

    /// <summary>adaptive-expressions' commonStringify: nullish is empty, objects are JSON without outer quotes.</summary>
    public static string Stringify(object? value)
    {
        if (IsNullish(value))
        {
            return string.Empty;
        }

        if (value is JsonNode node)
        {
            return node.ToJsonString(StringifyOptions).TrimStart('\'', '"').TrimEnd('\'', '"');
        }

        return ToJsString(value);
    }

    public static bool IsLogicTrue(object? value) => value is bool b ? b : !IsNullish(value);

    /// <summary>JavaScript truthiness (used for a <c>$when</c> that is not an expression).</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => !ReferenceEquals(value, Undefined),
    };

    public static bool IsNumber(object? value) => value is double d && !double.IsNaN(d);

    /// <summary>adaptive-expressions' commonEquals: nullish equal each other, arrays and objects deeply, numbers within epsilon.</summary>
    public static bool CommonEquals(object? a, object? b)
    {
        if (IsNullish(a) || IsNullish(b))
        {
            return IsNullish(a) && IsNullish(b);
        }

        return (a, b) switch
        {
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => CommonEquals(FromNode(p.First), FromNode(p.Second))),
            (JsonObject x, JsonObject y) => DeepEquals(x, y),
            (double x, double y) => Math.Abs(x - y) < NumberEpsilon || x == y,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (bool x, bool y) => x == y,
            _ => false,
        };
    }

    private static bool DeepEquals(object? a, object? b) => (a, b) switch
    {
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && DeepEquals(FromNode(p.Value), FromNode(other))),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => DeepEquals(FromNode(p.First), FromNode(p.Second))),
        _ => Equals(a, b),
    };

    private sealed class UndefinedValue
    {
        public override string ToString() => "undefined";
    }
}
