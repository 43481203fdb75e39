using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Sheets;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Core;

/// <summary>
/// A person's score sheet (biểu điểm): the criteria of the most specific sheet imported for them, attached to their post,
/// else to their group of similar posts, else to their agency. <see cref="Scope"/> is <c>post</c>, <c>group</c> or
/// <c>agency</c>.
/// </summary>
public sealed record PersonSheet(string Id, string Scope, IReadOnlyList<ScoreSheetCriterion> Criteria)
{
    /// <summary>The general criteria, each with its own maximum and what earns the points, as the check-in card shows them.</summary>
    public IReadOnlyList<(GeneralCriterion Criterion, decimal Max)> General =>
    [
        .. Criteria.Where(c => c.Group == ScoreSheetGroups.General).Select(c => (new GeneralCriterion
        {
            Id = c.CriterionId, NameVi = c.NameVi, NameEn = c.NameEn, Weight = c.Max, DescriptionVi = c.DescriptionVi, DescriptionEn = c.DescriptionEn,
        }, c.Max)),
    ];

    /// <summary>The sheet as the domain checks it.</summary>
    public IReadOnlyList<SheetCriterion> ForRules => [.. Criteria.Select(ScoreSheetBook.ToRule)];

    /// <summary>Whether the sheet adds up on <paramref name="scale"/> (rule 4): a sheet imported for another year's rule-set is not used.</summary>
    public bool Fits(ScaleSettings scale) => ScoreSheetRules.Check(ForRules, scale, appliesToLeader: false).Count == 0;
}

/// <summary>Every imported score sheet, loaded once, and the sheet that applies to a person: post, then group, then agency.</summary>
public sealed class ScoreSheetBook
{
    private readonly Dictionary<long, PersonSheet> _byPost = [];
    private readonly Dictionary<long, PersonSheet> _byGroup = [];
    private readonly Dictionary<long, PersonSheet> _byAgency = [];

    private ScoreSheetBook(IEnumerable<ScoreSheetCriterion> rows)
    {
        foreach (var sheet in rows.GroupBy(r => r.SheetExternalId, StringComparer.Ordinal))
        {
            var criteria = sheet.OrderBy(c => c.Position).ThenBy(c => c.Id).ToList();
            var first = criteria[0];
            if (first.PostId is { } post) _byPost[post] = new PersonSheet(sheet.Key, "post", criteria);
            else if (first.TaskGroupId is { } group) _byGroup[group] = new PersonSheet(sheet.Key, "group", criteria);
            else if (first.UnitId is { } unit) _byAgency[unit] = new PersonSheet(sheet.Key, "agency", criteria);
        }
    }

    /// <summary>No sheet imported: everyone has the default criteria of <c>CheckIns:GeneralCriteria</c>.</summary>
    public static ScoreSheetBook Empty { get; } = new([]);

    /// <summary>Whether an agency-wide sheet exists, so that a caller needs the unit tree to find a person's agency.</summary>
    public bool HasAgencySheets => _byAgency.Count > 0;

    public static async Task<ScoreSheetBook> LoadAsync(EvalBotDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new ScoreSheetBook(await db.ScoreSheetCriteria.AsNoTracking().ToListAsync(ct));
    }

    /// <summary>The person's sheet, the most specific one; null when none applies (the default criteria do).</summary>
    public PersonSheet? For(Person person, OrgTree? tree)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.PostId is { } post && _byPost.TryGetValue(post, out var byPost)) return byPost;
        if (person.TaskGroupId is { } group && _byGroup.TryGetValue(group, out var byGroup)) return byGroup;
        return tree is not null && _byAgency.TryGetValue(tree.AgencyOf(person.UnitId).Id, out var byAgency) ? byAgency : null;
    }

    /// <summary>A stored criterion as the domain's rules read it.</summary>
    public static SheetCriterion ToRule(ScoreSheetCriterion c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var leader = c.LeaderComponent switch
        {
            ScoreSheetGroups.UnitResults => LeaderComponent.UnitResults,
            ScoreSheetGroups.Organisation => (LeaderComponent?)LeaderComponent.Organisation,
            _ => null,
        };
        return new SheetCriterion(c.CriterionId, c.Group == ScoreSheetGroups.General ? CriterionGroup.General : CriterionGroup.Task, c.Max, leader);
    }
}
