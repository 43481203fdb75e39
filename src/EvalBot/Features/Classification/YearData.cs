using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// Everything the compile and the summaries read about one year, loaded in a handful of queries, so compiling a
/// province is not one query per person. Only confirmed (or adjusted) current report versions count.
/// </summary>
public sealed record YearData(
    int Year,
    IReadOnlyList<Person> People,
    IReadOnlyDictionary<long, Unit> Units,
    IReadOnlyDictionary<long, Target> Targets,
    ILookup<long, CheckInReport> Reports,
    ILookup<long, LeaveRecord> Leaves,
    ILookup<long, DisciplineRecord> Disciplines,
    ILookup<long, FindingRecord> Findings,
    ILookup<long, TransferRecord> Transfers,
    ILookup<long, ConfidenceVoteRecord> Votes,
    ILookup<long, RemediationItemRow> Remediation)
{
    public static async Task<YearData> LoadAsync(EvalBotDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
        var people = await db.People.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Period.StartsWith(prefix)).ToDictionaryAsync(t => t.Id, ct);
        var reports = await db.CheckInReports.AsNoTracking().Include(r => r.Lines)
            .Where(r => r.IsCurrent && r.Period.StartsWith(prefix) && (r.Status == CheckInStatus.Confirmed || r.Status == CheckInStatus.Adjusted))
            .ToListAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var leaves = await db.Leaves.AsNoTracking().Where(l => l.From <= to && l.To >= from).ToListAsync(ct);
        var disciplines = await db.Disciplines.AsNoTracking().ToListAsync(ct);
        var findings = await db.Findings.AsNoTracking().ToListAsync(ct);
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.Date >= from && t.Date <= to).ToListAsync(ct);
        var votes = await db.ConfidenceVotes.AsNoTracking().Where(v => v.Date >= from && v.Date <= to).ToListAsync(ct);
        var remediation = await db.RemediationItems.AsNoTracking().ToListAsync(ct);
        return new YearData(year, people, units, targets,
            reports.ToLookup(r => r.PersonId), leaves.ToLookup(l => l.PersonId), disciplines.ToLookup(d => d.PersonId),
            findings.ToLookup(f => f.PersonId), transfers.ToLookup(t => t.PersonId), votes.ToLookup(v => v.PersonId),
            remediation.ToLookup(r => r.PersonId));
    }

    public Unit UnitOf(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Units[person.UnitId];
    }
}
