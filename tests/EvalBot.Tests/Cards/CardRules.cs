using System.Globalization;
using System.Text.Json.Nodes;

namespace EvalBot.Tests.Cards;

/// <summary>
/// EvalBot's own card rules, on top of the official parser (which accepts a missing version, a missing verb and
/// an input without a label): version present and at most 1.5, every input with an id and a label, every
/// Action.Execute with a verb and an Action.Submit fallback carrying the same verb, no unresolved binding. The only
/// other action is Action.ToggleVisibility (it folds part of a card away, so the inputs stay in the card and every
/// Action.Execute still sends them), and each of its targets must be an element id of the same card.
/// </summary>
public static class CardRules
{
    public static List<string> Violations(JsonObject card)
    {
        var found = new List<string>();
        if ((string?)card["version"] is not { } version || !decimal.TryParse(version, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
        {
            found.Add("version missing");
        }
        else if (v > 1.5m)
        {
            found.Add($"version {version} is above 1.5");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var targets = new List<(string Path, string Id)>();
        Visit(card, "$", found, ids, targets);
        found.AddRange(targets.Where(t => !ids.Contains(t.Id)).Select(t => $"{t.Path}: Action.ToggleVisibility targets '{t.Id}', which is not in the card"));
        return found;
    }

    private static void Visit(JsonNode? node, string path, List<string> found, HashSet<string> ids, List<(string Path, string Id)> targets)
    {
        switch (node)
        {
            case JsonObject obj:
                CheckElement(obj, path, found);
                if ((string?)obj["type"] is { } type && !type.StartsWith("Action.", StringComparison.Ordinal) && (string?)obj["id"] is { } id)
                {
                    ids.Add(id);
                }

                if ((string?)obj["type"] == "Action.ToggleVisibility")
                {
                    var named = obj["targetElements"]?.AsArray().Select(t => t is JsonObject o ? (string?)o["elementId"] : (string?)t).ToList() ?? [];
                    found.AddRange(named.Count == 0 ? [$"{path}: Action.ToggleVisibility without targets"] : []);
                    targets.AddRange(named.Select(t => (path, t ?? "")));
                }

                foreach (var (key, value) in obj)
                {
                    Visit(value, $"{path}.{key}", found, ids, targets);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], $"{path}[{i}]", found, ids, targets);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("${", StringComparison.Ordinal):
                found.Add($"{path}: unresolved binding in \"{text}\"");
                break;
        }
    }

    private static void CheckElement(JsonObject obj, string path, List<string> found)
    {
        var type = (string?)obj["type"] ?? string.Empty;
        if (type.StartsWith("Input.", StringComparison.Ordinal))
        {
            if (string.IsNullOrWhiteSpace((string?)obj["id"]))
            {
                found.Add($"{path}: {type} without id");
            }

            if (string.IsNullOrWhiteSpace((string?)obj["label"]))
            {
                found.Add($"{path}: {type} without label");
            }
        }

        if (type == "Action.Execute")
        {
            var verb = (string?)obj["verb"];
            if (string.IsNullOrWhiteSpace(verb))
            {
                found.Add($"{path}: Action.Execute without verb");
            }

            if (obj["data"] is not JsonObject)
            {
                found.Add($"{path}: Action.Execute without a data object");
            }

            if (obj["fallback"] is not JsonObject { } fallback || (string?)fallback["type"] != "Action.Submit" || (string?)fallback["data"]?["verb"] != verb)
            {
                found.Add($"{path}: Action.Execute without an Action.Submit fallback carrying verb '{verb}'");
            }
        }

        if (type == "Action.Submit" && string.IsNullOrWhiteSpace((string?)obj["data"]?["verb"]))
        {
            found.Add($"{path}: Action.Submit without data.verb");
        }

        if (type is "Action.OpenUrl" or "Action.ShowCard")
        {
            found.Add($"{path}: {type} is not allowed; every action is Action.Execute (or Action.ToggleVisibility)");
        }
    }
}
