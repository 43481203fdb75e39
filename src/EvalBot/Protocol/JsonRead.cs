using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalBot.Protocol;

/// <summary>
/// Type-safe reads from untrusted JSON: a wrong type reads as absent instead of throwing,
/// so a hostile or odd activity can never turn into a 500.
/// </summary>
public static class JsonRead
{
    public static JsonObject? ObjectAt(JsonNode? node, string property) =>
        node is JsonObject o && o.TryGetPropertyValue(property, out var value) ? value as JsonObject : null;

    public static string? Text(JsonNode? node, string property) =>
        node is JsonObject o && o.TryGetPropertyValue(property, out var value) ? Text(value) : null;

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A finite number, from a JSON number or a numeric string (card inputs arrive as strings).</summary>
    public static decimal? Number(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.Number when v.TryGetValue<decimal>(out var d) => d,
            JsonValueKind.String when decimal.TryParse(v.GetValue<string>().Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    public static bool? Flag(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => v.GetValue<string>().Trim().ToUpperInvariant() switch
            {
                "TRUE" => true,
                "FALSE" => false,
                _ => null,
            },
            _ => null,
        };
    }
}
