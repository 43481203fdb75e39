using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// The classification admin endpoints: compile now, the official list as XLSX, re-rating by the competent level,
/// and the verification of the decided rows' hash chain.
/// </summary>
public static class ClassificationAdmin
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapClassificationAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/years/{year:int}/compile", async (int year, AnnualCompiler compiler, CancellationToken ct) =>
            Results.Ok(await compiler.CompileAsync(year, Auditing.AuditLog.AdminActor, ct)));
        admin.MapGet("/years/{year:int}/verify", async (int year, HashChain chain, CancellationToken ct) => Results.Ok(await chain.VerifyAsync(year, ct)));
        admin.MapPost("/years/{year:int}/people/{externalId}/rerate", async (int year, string externalId, RerateRequest request, Rerating rerating, CancellationToken ct) =>
        {
            var (row, error) = await rerating.RerateAsync(year, externalId, request, ct);
            return row is null
                ? Results.BadRequest(new { error })
                : Results.Ok(new { row.Id, row.Version, row.SupersedesId, row.Level, row.Outcome, State = row.State.ToString(), row.Hash });
        });
        admin.MapGet("/years/{year:int}/classification.xlsx", ExportAsync);
        return admin;
    }

    private static async Task<IResult> ExportAsync(int year, string? unit, EvalBotDbContext db, ClassificationStore store, CardTemplates templates, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var root = unit is null ? units.Values.FirstOrDefault(u => u.ParentId is null) : units.Values.FirstOrDefault(u => u.ExternalId == unit);
        if (root is null) return Results.NotFound(new { error = "unknown unit" });
        var scope = new OrgTree(units).Subtree(root.Id);
        var rows = (await store.CurrentAsync(year, ct)).Where(r => scope.Contains(r.UnitId)).ToList();
        var ids = rows.Select(r => r.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var posts = await db.Posts.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var text = new TextTable(templates, "vi");
        var lines = rows.OrderBy(r => units[r.UnitId].Name, StringComparer.Ordinal).ThenBy(r => r.Level ?? 9).ThenByDescending(r => r.Score)
            .Select(r => new ClassificationLine(
                people[r.PersonId].FullName,
                people[r.PersonId].PostId is { } p && posts.TryGetValue(p, out var post) ? post : "",
                units[r.UnitId].Name,
                r.Score,
                LevelTexts.LevelText(text, r),
                Note(r, text))).ToList();
        return Results.File(ClassificationXlsx.Write(year, root.Name, lines), XlsxType, $"xep-loai-{year}-{root.ExternalId}.xlsx");
    }

    private static string Note(ClassificationRecord r, TextTable text)
    {
        var state = r.State == ClassificationState.Decided ? text["classStateDecided"] : text["classStateDraft"];
        return string.IsNullOrWhiteSpace(r.Reason) ? state : $"{state}; {r.Reason}";
    }
}
