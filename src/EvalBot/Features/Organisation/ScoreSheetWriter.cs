using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Writes the score sheets of a file, after the organisation rows are saved (a sheet may name a post created by the same
/// file): a sheet in the file replaces the stored one of the same id, criterion by criterion, and loses the criteria the
/// file no longer lists, so re-importing the same file changes nothing.
/// </summary>
public sealed class ScoreSheetWriter(EvalBotDbContext db, OrganisationIndex index, ImportCounts counts)
{
    public async Task WriteAsync(ParsedFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.ScoreSheets.Count == 0) return;
        var ids = file.ScoreSheets.Select(r => r.Sheet).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.ScoreSheetCriteria.Where(c => ids.Contains(c.SheetExternalId)).ToListAsync(ct);
        var byKey = stored.ToDictionary(c => (c.SheetExternalId, c.CriterionId));
        var kept = new HashSet<(string, string)>();
        foreach (var (row, position) in file.ScoreSheets.GroupBy(r => r.Sheet, StringComparer.Ordinal).SelectMany(g => g.Select((r, i) => (r, i))))
        {
            kept.Add((row.Sheet, row.Criterion));
            var created = !byKey.TryGetValue((row.Sheet, row.Criterion), out var entity);
            if (entity is null)
            {
                db.ScoreSheetCriteria.Add(entity = new ScoreSheetCriterion
                {
                    SheetExternalId = row.Sheet, CriterionId = row.Criterion, NameVi = row.NameVi, NameEn = row.NameEn, Group = row.Group,
                });
            }

            var c = new ChangeSet([]);
            c.Set(entity.Position, position, v => entity.Position = v);
            c.Set(entity.PostId, row.AppliesTo == "post" ? index.Posts[row.Scope].Id : null, v => entity.PostId = v);
            c.Set(entity.TaskGroupId, row.AppliesTo == "group" ? index.Groups[row.Scope].Id : null, v => entity.TaskGroupId = v);
            c.Set(entity.UnitId, row.AppliesTo == "agency" ? index.Units[row.Scope].Id : null, v => entity.UnitId = v);
            c.Set(entity.NameVi, row.NameVi, v => entity.NameVi = v);
            c.Set(entity.NameEn, row.NameEn, v => entity.NameEn = v);
            c.Set(entity.Group, row.Group, v => entity.Group = v);
            c.Set(entity.Max, row.Max, v => entity.Max = v);
            c.Set(entity.LeaderComponent, row.Leader, v => entity.LeaderComponent = v);
            c.Set(entity.DescriptionVi, row.DescriptionVi, v => entity.DescriptionVi = v);
            c.Set(entity.DescriptionEn, row.DescriptionEn, v => entity.DescriptionEn = v);
            counts.Add(ImportKind.ScoreSheets, created, c.Changed);
        }

        db.ScoreSheetCriteria.RemoveRange(stored.Where(c => !kept.Contains((c.SheetExternalId, c.CriterionId))));
    }
}
