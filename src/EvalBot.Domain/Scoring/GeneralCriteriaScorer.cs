namespace EvalBot.Domain.Scoring;

/// <summary>One item of the general criteria with its own maximum (e.g. 1.25 points in the Hải Phòng sheet).</summary>
/// <param name="Id">Criterion id.</param>
/// <param name="Points">Points given.</param>
/// <param name="Max">Maximum for this item.</param>
public sealed record CriterionScore(string Id, decimal Points, decimal Max);

/// <summary>The general-criteria score: the sum of the items, each within its own bounds and the total within the scale.</summary>
public static class GeneralCriteriaScorer
{
    /// <summary>The sum, or the list of problems when an item or the total is out of bounds.</summary>
    public static (decimal Score, IReadOnlyList<string> Errors) Score(IReadOnlyList<CriterionScore> items, decimal generalMax)
    {
        ArgumentNullException.ThrowIfNull(items);
        var errors = items
            .Where(i => i.Points < 0m || i.Points > i.Max)
            .Select(i => $"{i.Id}: {Fmt.En(i.Points)} is outside 0–{Fmt.En(i.Max)}")
            .ToList();
        var sum = items.Sum(i => i.Points);
        if (sum > generalMax) errors.Add($"total {Fmt.En(sum)} exceeds the maximum {Fmt.En(generalMax)}");
        return (sum, errors);
    }
}
