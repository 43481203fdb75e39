using EvalBot.Domain.RuleSets;

namespace EvalBot.Rules;

/// <summary>Registers the validated rule-set catalog. Loading happens here, so invalid configuration stops start-up.</summary>
public static class RuleSetSetup
{
    /// <summary>The configuration key of an extra rule-set folder (in addition to the shipped rulesets/ folder).</summary>
    public const string FolderKey = "RuleSets:Folder";

    /// <summary>
    /// Loads the national defaults, the shipped <c>rulesets/*.json</c> next to the app, and the folder named by
    /// <c>RuleSets:Folder</c> if set; registers the <see cref="RuleSetCatalog"/> as a singleton.
    /// </summary>
    public static IServiceCollection AddRuleSets(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var shipped = Path.Combine(AppContext.BaseDirectory, "rulesets");
        var folders = new List<string> { shipped };
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (configuration[FolderKey] is { Length: > 0 } configured)
        {
            var full = Path.GetFullPath(configured);
            folders.Add(full);
            required.Add(full);
        }

        var catalog = RuleSetLoader.Load(folders, required);
        return services.AddSingleton(catalog);
    }
}
