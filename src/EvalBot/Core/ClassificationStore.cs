using System.Linq.Expressions;
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
        return Latest(await (tracked ? query : query.AsNoTracking()).ToListAsync(ct));
    }

    /// <summary>
    /// The current rows that match <paramref name="filter"/>, chosen in the database: a row is current when no higher
    /// version of that person's year exists (the unique index on person, year and version answers it), and the filter
    /// applies to the current row only, as <c>CurrentAsync(year).Where(filter)</c> would. A list of one decider, agency or
    /// unit reads its rows, not every row of the year with its explanation.
    /// </summary>
    public async Task<List<ClassificationRecord>> CurrentWhereAsync(int year, Expression<Func<ClassificationRecord, bool>> filter, bool tracked, CancellationToken ct)
    {
        var query = Current(year).Where(filter);
        return await (tracked ? query : query.AsNoTracking()).OrderBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The current rows of the year counted in the database by decider, state and outcome: what the board's year status
    /// needs from a province's 100,000 rows, without reading them.
    /// </summary>
    public async Task<List<ClassificationCount>> CountsAsync(int year, CancellationToken ct) =>
        await Current(year).GroupBy(r => new { r.DeciderPersonId, r.State, r.Outcome })
            .Select(g => new ClassificationCount(g.Key.DeciderPersonId, g.Key.State, g.Key.Outcome, g.Count(), g.Min(r => r.Id))).ToListAsync(ct);

    /// <summary>The ids of the first <paramref name="count"/> current rows that match <paramref name="filter"/>, in key order.</summary>
    public async Task<List<long>> FirstIdsAsync(int year, Expression<Func<ClassificationRecord, bool>> filter, int count, CancellationToken ct) =>
        await Current(year).Where(filter).OrderBy(r => r.Id).Select(r => r.Id).Take(count).ToListAsync(ct);

    /// <summary>The year's rows of which no higher version of that person's year exists.</summary>
    private IQueryable<ClassificationRecord> Current(int year)
    {
        var all = db.Set<ClassificationRecord>();
        return all.Where(r => r.Year == year && !all.Any(n => n.PersonId == r.PersonId && n.Year == year && n.Version > r.Version));
    }

    /// <summary>
    /// The current rows of <paramref name="people"/> only, untracked and without their explanation, reasons or decision
    /// trail: a unit's levels, where reading the whole year's rows would read every explanation of the province.
    /// </summary>
    public Task<List<ClassificationRecord>> CurrentOfAsync(int year, IReadOnlyCollection<long> people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        var ids = people.ToList();
        return LightAsync(year, r => ids.Contains(r.PersonId), ct);
    }

    /// <summary>The current rows that match <paramref name="filter"/>, untracked, as <see cref="Light"/> rows, in key order.</summary>
    private async Task<List<ClassificationRecord>> LightAsync(int year, Expression<Func<ClassificationRecord, bool>> filter, CancellationToken ct) =>
        await Current(year).AsNoTracking().Where(filter).OrderBy(r => r.Id).Select(Light).ToListAsync(ct);

    /// <summary>A row with the columns lists and counts show, not its explanation, reasons or decision trail.</summary>
    private static readonly Expression<Func<ClassificationRecord, ClassificationRecord>> Light = r => new ClassificationRecord
    {
        Id = r.Id,
        PersonId = r.PersonId,
        Year = r.Year,
        Version = r.Version,
        State = r.State,
        UnitId = r.UnitId,
        AgencyUnitId = r.AgencyUnitId,
        GroupKey = r.GroupKey,
        DeciderPersonId = r.DeciderPersonId,
        Outcome = r.Outcome,
        Level = r.Level,
        CompiledLevel = r.CompiledLevel,
        Score = r.Score,
        RuleSetId = r.RuleSetId,
        RuleSetVersion = r.RuleSetVersion,
    };

    /// <summary>Each person's newest version among <paramref name="rows"/>, in key order.</summary>
    private static List<ClassificationRecord> Latest(List<ClassificationRecord> rows) =>
        [.. rows.GroupBy(r => r.PersonId).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Id)];

    public async Task<ClassificationRecord?> CurrentForAsync(long personId, int year, CancellationToken ct) =>
        await db.Set<ClassificationRecord>().Where(r => r.PersonId == personId && r.Year == year)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);

    /// <summary>The drafts a decider must decide (null decider: the organisation board's list).</summary>
    public Task<List<ClassificationRecord>> ListOfAsync(long? deciderId, int year, CancellationToken ct) =>
        CurrentWhereAsync(year, r => r.DeciderPersonId == deciderId, tracked: true, ct);

    public async Task<bool> IsPublishedAsync(long recordId, CancellationToken ct) =>
        await db.Set<ClassificationPublication>().AnyAsync(p => p.RecordId == recordId, ct);

    public async Task<QuotaExceptionRecord?> ExceptionAsync(long agencyId, int year, CancellationToken ct) =>
        await db.Set<QuotaExceptionRecord>().SingleOrDefaultAsync(e => e.AgencyUnitId == agencyId && e.Year == year, ct);
}

/// <summary>How many current rows of a year one decider's list holds in one state with one outcome, and the first one's id.</summary>
public sealed record ClassificationCount(long? DeciderPersonId, ClassificationState State, ClassificationOutcome Outcome, int Count, long FirstId);
