using System.Text.Json;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Rules;

/// <summary>
/// Builds the rule-set catalog: the national defaults, then every *.json file of the given folders in name order.
/// A file with the same id and version as a default replaces it. Everything is validated with the domain's
/// validator; any problem stops start-up with one message listing every file and problem.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>Loads and validates; throws <see cref="RuleSetConfigurationException"/> on any problem.</summary>
    /// <param name="folders">Folders to read; a missing folder is an error only when <paramref name="required"/> says so.</param>
    /// <param name="required">Folders that must exist (explicitly configured ones).</param>
    public static RuleSetCatalog Load(IEnumerable<string> folders, IReadOnlySet<string>? required = null)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var sets = RuleSetCatalog.Defaults.RuleSets.ToList();
        var errors = new List<string>();
        foreach (var folder in folders.Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(folder))
            {
                if (required?.Contains(folder) == true) errors.Add($"{folder}: rule-set folder not found");
                continue;
            }

            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                try
                {
                    var ruleSet = RuleSetJson.Parse(File.ReadAllText(file), new RuleSetCatalog(sets));
                    var fileErrors = RuleSetValidator.Validate(ruleSet);
                    errors.AddRange(fileErrors.Select(e => $"{Path.GetFileName(file)}: {e}"));
                    sets.RemoveAll(s => s.Id == ruleSet.Id && s.Version == ruleSet.Version && RuleSetCatalog.Defaults.RuleSets.Contains(s));
                    sets.Add(ruleSet);
                }
                catch (JsonException ex)
                {
                    errors.Add($"{Path.GetFileName(file)}: {ex.Message}");
                }
            }
        }

        var catalog = new RuleSetCatalog(sets);
        errors.AddRange(RuleSetValidator.Validate(catalog).Where(e => !errors.Any(x => x.EndsWith(e, StringComparison.Ordinal))));
        if (errors.Count > 0)
        {
            throw new RuleSetConfigurationException("Invalid rule-set configuration:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", errors));
        }

        return catalog;
    }
}
