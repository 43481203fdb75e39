using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EvalBot.Cards.Templating;

/// <summary>Path resolution as adaptive-expressions' SimpleObjectMemory does it: case-insensitive keys, undefined on any miss.</summary>
internal static partial class PathLookup
{
    private static readonly JsonObject TemplateVersion = new() { ["major"] = 2, ["minor"] = 3, ["patch"] = 1, ["suffix"] = string.Empty };

    /// <summary>A path from the template memory: names without <c>$</c> are looked up under <c>$data</c>.</summary>
    public static object? FromScope(BindingScope scope, string path)
    {
        var parts = SplitCached(path);
        object? current = parts[0] switch
        {
            "$root" => scope.Root,
            "$data" => scope.CurrentData,
            "$index" => scope.Index,
            "$_actemplateversion" => TemplateVersion,
            _ => JsValue.Undefined,
        };
        if (scope.Strings is { } strings && parts.Length > 1 && ReferenceEquals(current, scope.Root) && parts[1].Equals("t", StringComparison.OrdinalIgnoreCase))
        {
            // $root.t is the shared string table (the root holds no "t" of its own: the key is reserved).
            return parts.Length == 2 ? strings.Table : Walk(strings.Find(parts[2]) ?? JsValue.Undefined, parts, 3);
        }

        return Walk(current, parts, 1);
    }

    public static object? FromValue(object? value, string path) => Walk(value, SplitCached(ValuePaths, path, Split), 0);

    public static object? AccessProperty(object? instance, string property)
    {
        if (!JsValue.IsTruthy(instance))
        {
            return JsValue.Undefined;
        }

        switch (instance)
        {
            case JsonObject obj:
                // An ASCII name lowers character by character exactly as the whole string does, so it needs no copy.
                var lowered = System.Text.Ascii.IsValid(property) ? property : property.ToLowerInvariant();
                foreach (var (key, node) in obj)
                {
                    if (key.Length == lowered.Length && EqualsLowered(key, lowered))
                    {
                        return JsValue.FromNode(node);
                    }
                }

                return JsValue.Undefined;
            case JsonArray array when IsCanonicalIndex(property, array.Count, out var i):
                return JsValue.FromNode(array[i]);
            case string s when IsCanonicalIndex(property, s.Length, out var i):
                return s[i].ToString();
            default:
                return JsValue.Undefined;
        }
    }

    /// <summary>Index access; a missing instance gives undefined, a bad index an error (as adaptive-expressions does).</summary>
    public static object? AccessIndex(object? instance, int index)
    {
        if (JsValue.IsNullish(instance))
        {
            return JsValue.Undefined;
        }

        if (instance is not JsonArray array)
        {
            throw new ExpressionException(JsValue.Stringify(instance) + " is not a collection.");
        }

        if (index < 0 || index >= array.Count)
        {
            throw new ExpressionException(index.ToString(CultureInfo.InvariantCulture) + " is out of range");
        }

        return JsValue.FromNode(array[index]);
    }

    /// <summary>JavaScript parseInt: leading optional sign and digits; null when there are none.</summary>
    public static int? ParseLeadingInt(string text)
    {
        var match = LeadingInt().Match(text);
        return match.Success && int.TryParse(match.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static object? Walk(object? current, string[] parts, int start)
    {
        for (var p = start; p < parts.Length; p++)
        {
            var part = parts[p];
            try
            {
                current = current is JsonArray && ParseLeadingInt(part) is { } index
                    ? AccessIndex(current, index)
                    : AccessProperty(current, part);
            }
            catch (ExpressionException)
            {
                return JsValue.Undefined;
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="key"/>, lower-cased, is <paramref name="lowered"/>, without allocating.</summary>
    private static bool EqualsLowered(string key, string lowered)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (char.ToLowerInvariant(key[i]) != char.ToLowerInvariant(lowered[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The parts of a template path, the first lower-cased, split once per distinct path: paths come from the card
    /// templates, so there are few of them, and a card is rendered for every person of a campaign. Bounded all the same.
    /// </summary>
    private static string[] SplitCached(string path) => SplitCached(ScopePaths, path, p =>
    {
        var parts = Split(p[0] == '$' ? p : "$data." + p);
        parts[0] = parts[0].ToLowerInvariant();
        return parts;
    });

    /// <summary>A path's parts from <paramref name="cache"/>, split by <paramref name="split"/> the first time (the arrays are never changed).</summary>
    private static string[] SplitCached(System.Collections.Concurrent.ConcurrentDictionary<string, string[]> cache, string path, Func<string, string[]> split)
    {
        if (cache.TryGetValue(path, out var parts))
        {
            return parts;
        }

        parts = split(path);
        if (cache.Count < MaxCachedPaths)
        {
            cache.TryAdd(path, parts);
        }

        return parts;
    }

    private const int MaxCachedPaths = 4096;

    /// <summary>Paths read from the scope, first part lower-cased; and paths read from a value (after a call or a literal).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> ScopePaths = new(StringComparer.Ordinal),
        ValuePaths = new(StringComparer.Ordinal);

    private static string[] Split(string path) =>
        Separators().Split(path)
            .Where(p => p.Length > 0)
            .Select(p => p.Length >= 2 && (p[0] == '\'' || p[0] == '"') && p[^1] == p[0] ? p[1..^1] : p)
            .ToArray();

    private static bool IsCanonicalIndex(string text, int count, out int index) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index)
        && index.ToString(CultureInfo.InvariantCulture) == text && index < count;

    [GeneratedRegex(@"[.\[\]]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\s*[+-]?\d+")]
    private static partial Regex LeadingInt();
}
