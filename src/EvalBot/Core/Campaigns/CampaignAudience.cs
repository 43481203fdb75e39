using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Core;

/// <summary>Who a campaign step is about, read in batches so a large organisation never sits in one transaction.</summary>
public sealed class CampaignAudience(EvalBotDbContext db)
{
    /// <summary>Active people whose unit reports on this kind of period, after <paramref name="afterId"/>, in id order.</summary>
    public async Task<List<Person>> ReportingPeopleAsync(Period period, long afterId, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var units = await UnitsReportingAsync(period.Kind, cancellationToken);
        return await db.People.AsNoTracking().Include(p => p.Unit)
            .Where(p => p.IsActive && p.Id > afterId && units.Contains(p.UnitId))
            .OrderBy(p => p.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Units whose people report monthly or quarterly (an unknown rhythm counts as quarterly, the default).</summary>
    public async Task<List<long>> UnitsReportingAsync(PeriodKind kind, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.PeriodKind }).ToListAsync(cancellationToken);
        return [.. units.Where(u => KindOf(u.PeriodKind) == kind).Select(u => u.Id)];
    }

    public static PeriodKind KindOf(string? unitPeriodKind) =>
        string.Equals(unitPeriodKind?.Trim(), "month", StringComparison.OrdinalIgnoreCase) ? PeriodKind.Month : PeriodKind.Quarter;

    public Task<List<Person>> PeopleAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().Include(p => p.Unit).Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>Recorded leave of these people that reaches past the period's end, the only leave a campaign can meet.</summary>
    public async Task<Dictionary<long, List<DateRange>>> LeaveAsync(IReadOnlyCollection<long> personIds, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var end = period.End;
        var rows = await db.Leaves.AsNoTracking()
            .Where(l => personIds.Contains(l.PersonId) && l.To >= end && l.From <= l.To)
            .Select(l => new { l.PersonId, l.From, l.To })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.Select(r => new DateRange(r.From, r.To)).ToList());
    }

    /// <summary>Dedupe keys already in the outbox for this period and kind: those people are passed over without work.</summary>
    public async Task<HashSet<string>> QueuedKeysAsync(string period, string kind, CancellationToken cancellationToken) =>
        [.. await db.Outbox.AsNoTracking().Where(o => o.Period == period && o.Kind == kind).Select(o => o.DedupeKey).ToListAsync(cancellationToken)];

    /// <summary>People who have submitted a report for the period (any version, submitted or reviewed).</summary>
    public async Task<HashSet<long>> SubmittedAsync(string period, CancellationToken cancellationToken) =>
        [.. await db.CheckInReports.AsNoTracking()
            .Where(r => r.Period == period && r.Status >= CheckInStatus.Submitted)
            .Select(r => r.PersonId).Distinct().ToListAsync(cancellationToken)];

    /// <summary>
    /// People the campaign prompted, with whether Teams refused their chat for good (403 blocked or 404 gone): the
    /// prompted are the ones reminders and escalations are about; people skipped at the opening stay out of them.
    /// </summary>
    public async Task<List<(long PersonId, bool Unreachable)>> PromptedAsync(string period, CancellationToken cancellationToken)
    {
        var rows = await db.Outbox.AsNoTracking()
            .Where(o => o.Period == period && o.Kind == CampaignKeys.PromptKind && o.PersonId != null)
            .Select(o => new { PersonId = o.PersonId!.Value, o.Status, o.LastStatusCode })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.PersonId)
            .Select(r => (r.PersonId, r.Status == OutboxStatus.Failed && r.LastStatusCode is 403 or 404))];
    }
}
