namespace EvalBot.Domain.RuleSets;

/// <summary>The rule-sets known to the application: the national defaults plus configured files.</summary>
/// <param name="RuleSets">All rule-sets, each (Id, Version) once.</param>
public sealed record RuleSetCatalog(IReadOnlyList<RuleSet> RuleSets)
{
    /// <summary>The three national defaults from domain-rules.md.</summary>
    public static RuleSetCatalog Defaults { get; } = new([Nd335Defaults.Create(), Nd90Defaults.Create(), Qd366Defaults.Create()]);

    /// <summary>The newest version of the rule-set with this id, or null.</summary>
    public RuleSet? Find(string id) => RuleSets
        .Where(r => string.Equals(r.Id, id, StringComparison.Ordinal))
        .OrderByDescending(r => r.Version, StringComparer.Ordinal)
        .FirstOrDefault();
}
