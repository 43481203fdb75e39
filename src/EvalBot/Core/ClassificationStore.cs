using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Core;

/// <summary>Reads classifications: the current version of each person's year is the highest version.</summary>
public sealed class ClassificationStore(EvalBotDbContext db)
{
    public Task<List<ClassificationRecord>> CurrentAsync(int year, CancellationToken ct) => CurrentAsync(year, tracked: true, ct);

    /// <summary>The current rows; untracked for reading only (the compile's report and the decision cards of a whole year).</summary>
    public async Task<List<ClassificationRecord>> CurrentAsync(int year, bool tracked, CancellationToken ct)
    {
        var query = db.Set<ClassificationRecord>().Where(r => r.Year == year);
        var rows = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.PersonId).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Id)];
    }

    public async Task<ClassificationRecord?> CurrentForAsync(long personId, int year, CancellationToken ct) =>
        await db.Set<ClassificationRecord>().Where(r => r.PersonId == personId && r.Year == year)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);

    /// <summary>The drafts a decider must decide (null decider: the organisation board's list).</summary>
    public async Task<List<ClassificationRecord>> ListOfAsync(long? deciderId, int year, CancellationToken ct) =>
        [.. (await CurrentAsync(year, ct)).Where(r => r.DeciderPersonId == deciderId)];

    public async Task<bool> IsPublishedAsync(long recordId, CancellationToken ct) =>
        await db.Set<ClassificationPublication>().AnyAsync(p => p.RecordId == recordId, ct);

    public async Task<QuotaExceptionRecord?> ExceptionAsync(long agencyId, int year, CancellationToken ct) =>
        await db.Set<QuotaExceptionRecord>().SingleOrDefaultAsync(e => e.AgencyUnitId == agencyId && e.Year == year, ct);
}
