using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Protocol;

namespace EvalBot.Features.CheckIns;

/// <summary>What a person typed into the check-in card, as text, keyed the way the card names its inputs.</summary>
public sealed record CheckInValues(
    IReadOnlyDictionary<long, TargetValues> Targets,
    IReadOnlyDictionary<string, string> General,
    IReadOnlyDictionary<long, RemediationValues> Remediation,
    string SelfCriticism);

public sealed record TargetValues(string Done, string QualityOk, string OnTime, string Evidence);

public sealed record RemediationValues(string Status, string Progress);

/// <summary>The values read as numbers, once every check passed.</summary>
public sealed record ParsedLine(long TargetId, decimal Done, decimal QualityOk, decimal OnTime, string? Evidence);

/// <summary>
/// Reads and checks the card's inputs (<c>target.{id}.done|qualityOk|onTime|evidence</c>, <c>general.{id}</c>,
/// <c>remediation.{id}.status|progress</c>, <c>selfCriticism</c>). Ids that are not this person's targets make the
/// whole card invalid: a card can only report on its own owner's products.
/// </summary>
public static class CheckInInput
{
    public static CheckInValues Read(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var targets = new Dictionary<long, TargetValues>();
        var general = new Dictionary<string, string>(StringComparer.Ordinal);
        var remediation = new Dictionary<long, RemediationValues>();
        foreach (var (key, _) in data)
        {
            var parts = key.Split('.');
            if (parts is ["target", var t, _] && long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var targetId))
            {
                targets[targetId] = new TargetValues(Text(data, $"target.{t}.done"), Text(data, $"target.{t}.qualityOk"), Text(data, $"target.{t}.onTime"), Text(data, $"target.{t}.evidence"));
            }
            else if (parts is ["general", var criterion])
            {
                general[criterion] = Text(data, key);
            }
            else if (parts is ["remediation", var r, _] && long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var itemId))
            {
                remediation[itemId] = new RemediationValues(Text(data, $"remediation.{r}.status"), Text(data, $"remediation.{r}.progress"));
            }
        }

        return new CheckInValues(targets, general, remediation, Text(data, "selfCriticism"));
    }

    /// <summary>Reads a number typed as "12", "2.5" or "2,5"; null when it is not a finite non-negative-or-negative number.</summary>
    public static decimal? Number(string text)
    {
        var trimmed = text.Trim().Replace(',', '.');
        return trimmed.Length is > 0 and <= 20 && decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static string Text(JsonObject data, string key)
    {
        var node = data[key];
        var text = JsonRead.Text(node) ?? (node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.ToJsonString() : "");
        return text.Normalize(System.Text.NormalizationForm.FormC);
    }
}
