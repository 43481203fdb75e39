using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Board;

/// <summary>One unit's line on the board card: its active people, reports submitted and confirmed in the period.</summary>
public sealed record BoardUnitRow(string Unit, int People, int Submitted, int Confirmed);

/// <summary>The period the board card shows (the last one opened), per unit, and the delivery of its messages.</summary>
public sealed record BoardPeriod(
    CheckInCampaign Campaign, IReadOnlyList<BoardUnitRow> Units, int UnitsHidden, int Queued, int Sent, int Failed, IReadOnlyList<(string Reason, int Count)> Failures);

/// <summary>
/// Reads the current period for the board card: the campaign opened last, the reports per unit (every unit, counts
/// only: the board sees the whole organisation) and the outbox rows of the period by status with the commonest failure
/// reasons. Nothing here names a person.
/// </summary>
public sealed class BoardStatus(EvalBotDbContext db)
{
    /// <summary>Units shown on the card; the rest are counted.</summary>
    public const int MaxUnits = 15;

    public async Task<BoardPeriod?> PeriodAsync(CancellationToken cancellationToken)
    {
        var campaign = await db.CheckInCampaigns.AsNoTracking().OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null) return null;
        var period = campaign.Period;
        var people = await db.People.AsNoTracking().Where(p => p.IsActive).GroupBy(p => p.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var reports = await db.CheckInReports.AsNoTracking().Where(r => r.Period == period && r.IsCurrent && r.Status != CheckInStatus.Draft)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { p.UnitId, r.Status })
            .GroupBy(x => new { x.UnitId, x.Status }).Select(g => new { g.Key.UnitId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        // Counts by unit, looked up once per unit: a province has thousands of units, and scanning every unit's counts
        // for each unit cost seconds.
        var peopleIn = people.ToDictionary(p => p.UnitId, p => p.Count);
        var submittedIn = reports.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var confirmedIn = reports.Where(r => r.Status is CheckInStatus.Confirmed or CheckInStatus.Adjusted).GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var rows = units
            .Select(u => new BoardUnitRow(u.Name, peopleIn.GetValueOrDefault(u.Id), submittedIn.GetValueOrDefault(u.Id), confirmedIn.GetValueOrDefault(u.Id)))
            .Where(r => r.People > 0)
            .ToList();
        var outbox = await db.Outbox.AsNoTracking().Where(o => o.Period == period).GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var failures = await db.Outbox.AsNoTracking().Where(o => o.Period == period && o.Status == OutboxStatus.Failed)
            .GroupBy(o => o.LastError ?? "").Select(g => new { Reason = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(3).ToListAsync(cancellationToken);
        int Of(params OutboxStatus[] statuses) => outbox.Where(o => statuses.Contains(o.Key)).Sum(o => o.Count);
        return new BoardPeriod(
            campaign, [.. rows.Take(MaxUnits)], Math.Max(0, rows.Count - MaxUnits),
            Of(OutboxStatus.Pending, OutboxStatus.Sending), Of(OutboxStatus.Sent), Of(OutboxStatus.Failed),
            [.. failures.Select(f => (f.Reason, f.Count))]);
    }

    /// <summary>The task running or queued now, else the one that ended last.</summary>
    public async Task<BoardTask?> TaskAsync(CancellationToken cancellationToken) =>
        await db.BoardTasks.AsNoTracking().Where(t => t.Status == BoardTaskStatus.Queued || t.Status == BoardTaskStatus.Running).OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken)
        ?? await db.BoardTasks.AsNoTracking().OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
}
