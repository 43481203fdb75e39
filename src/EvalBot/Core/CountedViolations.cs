using EvalBot.Domain;
using EvalBot.Domain.Records;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Core;

/// <summary>
/// Rule 12 across years: the violations an earlier year's decided KHT counted. A result keeps them in its stored
/// explanation (the R10/R11 discipline applications, with their violation id), which is immutable once decided; the
/// current version of each earlier year is read, and only when it was decided at KHT.
/// </summary>
public static class CountedViolations
{
    private static readonly HashSet<string> DisciplineRules = new(["R10.discipline", "R11.discipline"], StringComparer.Ordinal);

    /// <summary>The violation ids a stored explanation counted for its KHT.</summary>
    public static IReadOnlyList<string> FromExplanation(string json) =>
        [.. Explanations.Read(json).Where(a => DisciplineRules.Contains(a.RuleId))
            .SelectMany(a => a.Inputs.Where(i => i.Name == "violationId").Select(i => i.Value)).Distinct(StringComparer.Ordinal)];

    /// <summary>By person: the violations counted by the decided KHT of a year before <paramref name="year"/> (of <paramref name="ids"/>, or everyone when null).</summary>
    public static async Task<ILookup<long, CountedViolation>> BeforeAsync(EvalBotDbContext db, int year, List<long>? ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.Year < year);
        if (ids is not null) query = query.Where(r => ids.Contains(r.PersonId));
        const int kht = (int)Level.NotComplete;
        var rows = await query
            .Select(r => new { r.PersonId, r.Year, r.Version, Json = r.State == ClassificationState.Decided && r.Level == kht ? r.ExplanationJson : null })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.PersonId, r.Year)).Select(g => g.MaxBy(r => r.Version)!)
            .Where(r => r.Json is not null)
            .SelectMany(r => FromExplanation(r.Json!).Select(v => (r.PersonId, Counted: new CountedViolation(v, r.Year))))
            .ToLookup(x => x.PersonId, x => x.Counted);
    }
}
