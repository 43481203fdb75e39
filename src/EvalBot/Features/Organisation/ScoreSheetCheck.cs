using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Sheets;
using EvalBot.Persistence.Entities;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Checks the score sheets of a file against the organisation as it will be once the file is applied: each sheet is
/// attached to one known post, group or agency (a unit marked as agency), no other sheet holds that place, and the sheet
/// adds up on the scale of the rule-set of every person it will apply to (rule 4: 30/70 under ND335, 20/80 under the
/// Hải Phòng overlay), with the leader criteria of Decree 335 Art. 15–16 when one of them is a leader. A sheet nobody
/// holds yet is checked as for a civil servant of <c>year</c>.
/// </summary>
public static class ScoreSheetCheck
{
    private sealed record Member(string? Post, string? Group, string Unit, bool Leader, Population Population, bool Party);

    public static void Run(ParsedFile file, OrganisationIndex index, CheckInScoring scoring, int year, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(errors);
        if (file.ScoreSheets.Count == 0) return;
        var (parents, agencies) = Units(file, index);
        var scopes = new Dictionary<string, (string AppliesTo, string Scope)>(index.ScoreSheets, StringComparer.Ordinal);
        var sheets = file.ScoreSheets.GroupBy(r => r.Sheet, StringComparer.Ordinal).ToList();
        foreach (var sheet in sheets)
        {
            var first = sheet.First();
            foreach (var row in sheet.Where(r => r.AppliesTo != first.AppliesTo || r.Scope != first.Scope))
            {
                errors.Add(ImportError.At(row.At, "scope_id", $"Biểu điểm {first.Sheet} đã gắn với {first.AppliesTo} {first.Scope} ở dòng {first.At.Row}.",
                    $"Sheet {first.Sheet} is attached to {first.AppliesTo} {first.Scope} on line {first.At.Row}."));
            }

            if (!Known(first, file, index, agencies)) errors.Add(Unknown(first));
            scopes[first.Sheet] = (first.AppliesTo, first.Scope);
        }

        foreach (var clash in scopes.GroupBy(kv => kv.Value).Where(g => g.Count() > 1))
        {
            var ids = string.Join(", ", clash.Select(kv => kv.Key).Order(StringComparer.Ordinal));
            var row = file.ScoreSheets.First(r => clash.Any(kv => kv.Key == r.Sheet));
            errors.Add(ImportError.At(row.At, "scope_id", $"{clash.Key.AppliesTo} {clash.Key.Scope} có nhiều biểu điểm: {ids}.",
                $"{clash.Key.AppliesTo} {clash.Key.Scope} has several score sheets: {ids}."));
        }

        if (errors.Count > 0) return;
        var byScope = scopes.ToDictionary(kv => kv.Value, kv => kv.Key);
        var holders = People(file, index).ToLookup(m => Effective(m, byScope, parents, agencies));
        foreach (var sheet in sheets)
        {
            CheckSums(sheet.ToList(), holders[sheet.Key].ToList(), scoring, year, errors);
        }
    }

    private static void CheckSums(List<ScoreSheetRow> rows, List<Member> people, CheckInScoring scoring, int year, List<ImportError> errors)
    {
        var criteria = rows.Select(r => ScoreSheetBook.ToRule(new ScoreSheetCriterion
        {
            SheetExternalId = r.Sheet, CriterionId = r.Criterion, NameVi = r.NameVi, NameEn = r.NameEn, Group = r.Group, Max = r.Max, LeaderComponent = r.Leader,
        })).ToList();
        List<(RuleSet? RuleSet, bool Leader)> groups = people.Count == 0
            ? [(scoring.RuleSetFor(Population.CivilServant, false, year), false)]
            : [.. people.GroupBy(p => scoring.RuleSetFor(p.Population, p.Party, year)).Select(g => (g.Key, g.Any(p => p.Leader)))];
        foreach (var (ruleSet, leader) in groups)
        {
            if (ruleSet is null) continue;
            foreach (var problem in ScoreSheetRules.Check(criteria, ruleSet.Scale, leader))
            {
                errors.Add(ImportError.At(rows[0].At, "max_points", $"Biểu điểm {rows[0].Sheet} ({ruleSet.LegalTitle(false)}): {problem.Vi}",
                    $"Sheet {rows[0].Sheet} ({ruleSet.LegalTitle(true)}): {problem.En}"));
            }
        }
    }

    /// <summary>The sheet that will apply to a person: post, then group, then agency; null when none.</summary>
    private static string? Effective(Member m, Dictionary<(string, string), string> byScope, Dictionary<string, string?> parents, HashSet<string> agencies)
    {
        if (m.Post is not null && byScope.TryGetValue(("post", m.Post), out var post)) return post;
        if (m.Group is not null && byScope.TryGetValue(("group", m.Group), out var group)) return group;
        return byScope.GetValueOrDefault(("agency", AgencyOf(m.Unit, parents, agencies)));
    }

    /// <summary>The nearest agency at or above the unit, the root when none is marked (as the compile's unit tree).</summary>
    private static string AgencyOf(string unit, Dictionary<string, string?> parents, HashSet<string> agencies)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var at = unit;
        while (!agencies.Contains(at) && parents.GetValueOrDefault(at) is { } parent && seen.Add(at)) at = parent;
        return at;
    }

    private static (Dictionary<string, string?> Parents, HashSet<string> Agencies) Units(ParsedFile file, OrganisationIndex index)
    {
        var parents = index.Units.Values.ToDictionary(u => u.ExternalId, u => index.UnitOf(u.ParentId), StringComparer.Ordinal);
        var agencies = index.Units.Values.Where(u => u.IsAgency).Select(u => u.ExternalId).ToHashSet(StringComparer.Ordinal);
        foreach (var u in file.Units)
        {
            parents[u.Id] = u.Parent.Or(parents.GetValueOrDefault(u.Id));
            if (u.IsAgency.Present && u.IsAgency.Value) agencies.Add(u.Id);
            else if (u.IsAgency.Present) agencies.Remove(u.Id);
        }

        return (parents, agencies);
    }

    private static IEnumerable<Member> People(ParsedFile file, OrganisationIndex index)
    {
        var rows = file.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var p in index.People.Values.Where(p => p.IsActive && !rows.ContainsKey(p.ExternalId)))
        {
            yield return new Member(index.PostOf(p.PostId), index.GroupOf(p.TaskGroupId), index.UnitOf(p.UnitId) ?? "", p.IsLeader, p.Population, p.IsPartyMember);
        }

        foreach (var r in rows.Values)
        {
            var stored = index.People.GetValueOrDefault(r.Id);
            if (!r.IsActive.Or(stored?.IsActive ?? true)) continue;
            yield return new Member(r.Post.Or(index.PostOf(stored?.PostId)), r.Group.Or(index.GroupOf(stored?.TaskGroupId)), r.Unit,
                r.IsLeader.Or(stored?.IsLeader ?? false), r.Population.Or(stored?.Population ?? Population.CivilServant), r.IsPartyMember.Or(stored?.IsPartyMember ?? false));
        }
    }

    private static bool Known(ScoreSheetRow row, ParsedFile file, OrganisationIndex index, HashSet<string> agencies) => row.AppliesTo switch
    {
        "post" => index.Posts.ContainsKey(row.Scope) || file.Posts.Any(p => p.Id == row.Scope),
        "group" => index.Groups.ContainsKey(row.Scope) || file.Groups.Any(g => g.Id == row.Scope),
        _ => agencies.Contains(row.Scope),
    };

    private static ImportError Unknown(ScoreSheetRow row) => row.AppliesTo switch
    {
        "post" => ImportError.At(row.At, "scope_id", $"Không tìm thấy vị trí việc làm '{row.Scope}' trong tệp hoặc cơ sở dữ liệu.", $"No post '{row.Scope}' in the file or the database."),
        "group" => ImportError.At(row.At, "scope_id", $"Không tìm thấy nhóm '{row.Scope}' trong tệp hoặc cơ sở dữ liệu.", $"No group '{row.Scope}' in the file or the database."),
        _ => ImportError.At(row.At, "scope_id", $"'{row.Scope}' không phải là đơn vị được đánh dấu là cơ quan (is_agency).", $"'{row.Scope}' is not a unit marked as an agency (is_agency)."),
    };
}
