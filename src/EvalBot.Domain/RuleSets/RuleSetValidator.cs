namespace EvalBot.Domain.RuleSets;

/// <summary>
/// Refuses inconsistent configuration before anything is rated: a wrong band order or a quota above its
/// exception would silently change people's levels, so start-up must fail with the list of problems.
/// </summary>
public static class RuleSetValidator
{
    /// <summary>Every problem found in one rule-set, as "Id: path: message"; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var errors = new List<string>();
        void Fail(string path, string message) => errors.Add($"{ruleSet.Id}: {path}: {message}");

        if (string.IsNullOrWhiteSpace(ruleSet.Id)) Fail("id", "is required");
        if (string.IsNullOrWhiteSpace(ruleSet.Version)) Fail("version", "is required");
        if (ruleSet.AppliesTo is null || ruleSet.AppliesTo.Count == 0) Fail("appliesTo", "must list at least one population and year range");
        else
        {
            foreach (var a in ruleSet.AppliesTo.Where(a => a.ToYear < a.FromYear))
                Fail("appliesTo", $"{a.Population}: toYear {a.ToYear} is before fromYear {a.FromYear}");
        }

        ScaleChecks.Check(ruleSet, Fail);
        ThresholdChecks.Check(ruleSet, Fail);
        return errors;
    }

    /// <summary>Problems of the whole catalog: each rule-set, duplicates, and overlays whose base is missing.</summary>
    public static IReadOnlyList<string> Validate(RuleSetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = catalog.RuleSets.SelectMany(Validate).ToList();
        errors.AddRange(catalog.RuleSets
            .GroupBy(r => (r.Id, r.Version))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Id}: version {g.Key.Version} is defined {g.Count()} times"));
        errors.AddRange(catalog.RuleSets
            .Where(r => r.BasedOn is not null && catalog.Find(r.BasedOn) is null)
            .Select(r => $"{r.Id}: basedOn: unknown rule-set '{r.BasedOn}'"));
        return errors;
    }
}
