using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalBot.Tests.Cards;

/// <summary>Deep JSON equality as JavaScript sees it (numbers by value, key order ignored), reporting the first difference's path.</summary>
public static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual, string context)
    {
        var difference = FirstDifference(expected, actual, "$");
        Assert.True(difference is null, $"{context}: differs at {difference}\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        return $"{path}.{key} (present on one side only)";
                    }

                    if (FirstDifference(e[key], a[key], $"{path}.{key}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path} (length {e.Count} vs {a.Count})";
                }

                return Enumerable.Range(0, e.Count).Select(i => FirstDifference(e[i], a[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                return Number(e) == Number(a) ? null : path;
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.String && a.GetValueKind() == JsonValueKind.String:
                return e.GetValue<string>() == a.GetValue<string>() ? null : path;
            case (JsonValue e, JsonValue a):
                return e.GetValueKind() == a.GetValueKind() && e.ToJsonString() == a.ToJsonString() ? null : path;
            default:
                return path + " (different kinds)";
        }
    }

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
