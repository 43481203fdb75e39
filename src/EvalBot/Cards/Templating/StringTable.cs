using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace EvalBot.Cards.Templating;

/// <summary>
/// A language's string table as a template reads it under <c>$root.t</c>: looked up by a case-insensitive dictionary
/// (the first key in file order wins, as a case-insensitive scan of the JSON object would find it), never copied.
/// </summary>
public sealed class StringTable
{
    private readonly FrozenDictionary<string, string> _byKey;

    public StringTable(JsonObject table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        var byKey = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in table)
        {
            byKey.TryAdd(key, (string?)value ?? "");
        }

        _byKey = byKey.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The table as JSON, read-only by convention (a template that emits it whole gets a copy).</summary>
    public JsonObject Table { get; }

    /// <summary>The string under <paramref name="key"/>, or null.</summary>
    public string? Find(string key) => _byKey.GetValueOrDefault(key);
}
