using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>The official list of one year as a file: the XLSX bytes and the name it is offered under.</summary>
public sealed record ExportFile(byte[] Bytes, string Name, Unit Root);

/// <summary>
/// Builds the official list (<see cref="OfficialListXlsx"/> in the <see cref="ClassificationXlsx"/> layout) of a unit and every unit below it: the same bytes for
/// <c>GET /admin/years/{year}/classification.xlsx</c> and for the file sent in a personal chat. Who may ask for which
/// unit is decided by the caller (<see cref="ExportAccess"/> in the chat, the admin key for the API).
/// </summary>
public sealed class ClassificationExport(EvalBotDbContext db, ClassificationStore store, CardTemplates templates, TimeProvider time, OrganisationClock clock)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The list of <paramref name="unitExternalId"/> (the top of the organisation when null); null for an unknown unit.</summary>
    public async Task<ExportFile?> BuildAsync(int year, string? unitExternalId, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var root = unitExternalId is null
            ? units.Values.FirstOrDefault(u => u.ParentId is null)
            : units.Values.FirstOrDefault(u => u.ExternalId == unitExternalId);
        return root is null ? null : await BuildAsync(year, root, units, ct);
    }

    /// <summary>The list of the unit with id <paramref name="unitId"/>; null when it no longer exists.</summary>
    public async Task<ExportFile?> BuildAsync(int year, long unitId, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return units.TryGetValue(unitId, out var root) ? await BuildAsync(year, root, units, ct) : null;
    }

    private async Task<ExportFile> BuildAsync(int year, Unit root, Dictionary<long, Unit> units, CancellationToken ct)
    {
        var scope = new OrgTree(units).Subtree(root.Id);
        var scopeIds = scope.ToList();
        var rows = await store.CurrentWhereAsync(year, r => scopeIds.Contains(r.UnitId), tracked: false, ct);
        var ids = rows.Select(r => r.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var posts = await db.Posts.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var text = new TextTable(templates, "vi");
        var lines = rows.OrderBy(r => units[r.UnitId].Name, StringComparer.Ordinal).ThenBy(r => r.Level ?? 9).ThenByDescending(r => r.Score)
            .Select(r => new OfficialListLine(
                people[r.PersonId].FullName,
                people[r.PersonId].PostId is { } p && posts.TryGetValue(p, out var post) ? post : "",
                units[r.UnitId].Name,
                r.Score,
                ScoreText(r),
                LevelTexts.LevelText(text, r),
                Note(r, text),
                r.State == ClassificationState.Decided)).ToList();
        var head = root.HeadPersonId is { } h ? await db.People.AsNoTracking().Where(p => p.Id == h).Select(p => p.FullName).FirstOrDefaultAsync(ct) : null;
        var superior = root.ParentId is { } parent && units.TryGetValue(parent, out var above) ? above.Name : "";
        var sheet = new OfficialListSheet(ClassificationXlsx.Layout(year, root.Name), superior, root.Name, clock.Today(time.GetUtcNow()), head, lines);
        return new ExportFile(OfficialListXlsx.Write(sheet), FileName(year, root), root);
    }

    /// <summary>What the score cell says without a score: never empty, so a reader knows why there is none.</summary>
    private static string ScoreText(ClassificationRecord r) => r.Outcome switch
    {
        ClassificationOutcome.NotRated => "Không chấm điểm",
        _ => "Do cấp có thẩm quyền quyết định",
    };

    /// <summary>The file name: the year and the unit's external id, ASCII only.</summary>
    public static string FileName(int year, Unit root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var id = new string([.. root.ExternalId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return FormattableString.Invariant($"xep-loai-{year}-{id}.xlsx");
    }

    private static string Note(ClassificationRecord r, TextTable text)
    {
        var state = r.State == ClassificationState.Decided ? text["classStateDecided"] : text["classStateDraft"];
        return string.IsNullOrWhiteSpace(r.Reason) ? state : $"{state}; {r.Reason}";
    }
}
