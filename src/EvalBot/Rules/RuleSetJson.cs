using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Rules;

/// <summary>
/// Reads a rule-set file. A file with "basedOn" is an overlay: it is merged over the named rule-set, so a province's
/// score sheet states only what it changes (scale, bands, ...). Unknown fields are refused, so a typo cannot be ignored.
/// </summary>
public static class RuleSetJson
{
    /// <summary>The JSON conventions of rule-set files: camelCase, enums by name, comments allowed, strict members.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Parses one file's text, resolving "basedOn" against <paramref name="known"/>.</summary>
    public static RuleSet Parse(string json, RuleSetCatalog known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            as JsonObject ?? throw new JsonException("the file must contain one JSON object");
        var basedOn = node.FirstOrDefault(p => string.Equals(p.Key, "basedOn", StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();
        if (basedOn is not null)
        {
            var baseSet = known.Find(basedOn) ?? throw new JsonException($"basedOn: unknown rule-set '{basedOn}'");
            var merged = (JsonObject)JsonSerializer.SerializeToNode(baseSet, Options)!;
            Merge(merged, node);
            node = merged;
        }

        return node.Deserialize<RuleSet>(Options) ?? throw new JsonException("the file is empty");
    }

    /// <summary>Writes a rule-set in the file format (used to document the defaults).</summary>
    public static string Write(RuleSet ruleSet) => JsonSerializer.Serialize(ruleSet, Options);

    private static void Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay.ToList())
        {
            var existing = target.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Key ?? key;
            if (value is JsonObject o && target[existing] is JsonObject t)
            {
                Merge(t, o);
            }
            else
            {
                target[existing] = value?.DeepClone();
            }
        }
    }
}
