using EvalBot.Domain.RuleSets;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.CheckIns;

/// <summary>Everything a check-in card shows or checks for one person and period, loaded in one place.</summary>
public sealed record CheckInContext(
    Person Person,
    Unit Unit,
    string Period,
    CheckInCampaign? Campaign,
    RuleSet? RuleSet,
    IReadOnlyList<Target> Targets,
    CheckInReport? Report,
    IReadOnlyList<RemediationItemRow> Remediation,
    TimeZoneInfo Zone)
{
    public bool IsOpenAt(DateTimeOffset now) => Campaign?.IsOpenAt(now) == true;

    public CheckInLine? LineFor(long targetId) => Report?.Lines.FirstOrDefault(l => l.TargetId == targetId);
}

/// <summary>Loads check-in contexts and the people they belong to.</summary>
public sealed class CheckInRepository(EvalBotDbContext db, CheckInScoring scoring)
{
    /// <summary>The person behind a Teams identity: the activity's <c>from.aadObjectId</c>, never card data.</summary>
    public async Task<Person?> PersonByAadAsync(string? aadObjectId, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(aadObjectId)
            ? null
            : await db.People.Include(p => p.Unit).SingleOrDefaultAsync(p => p.AadObjectId == aadObjectId && p.IsActive, cancellationToken);

    public async Task<CheckInContext> LoadAsync(Person person, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var unit = person.Unit ?? await db.Units.SingleAsync(u => u.Id == person.UnitId, cancellationToken);
        var campaign = await db.CheckInCampaigns.SingleOrDefaultAsync(c => c.Period == period, cancellationToken);
        var targets = await db.Targets
            .Where(t => t.Period == period && (t.PersonId == person.Id || (t.PostId != null && t.PostId == person.PostId)))
            .OrderBy(t => t.Deadline).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var report = await db.CheckInReports.Include(r => r.Lines)
            .Where(r => r.PersonId == person.Id && r.Period == period && r.IsCurrent)
            .OrderByDescending(r => r.Version)
            .FirstOrDefaultAsync(cancellationToken);
        var remediation = await db.RemediationItems
            .Where(r => r.PersonId == person.Id && r.Status != "remedied")
            .OrderBy(r => r.DueDate)
            .ToListAsync(cancellationToken);
        var year = int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture);
        var zone = Domain.Calendar.PersonTimeZone.TryResolve(person.TimeZone ?? unit.TimeZone, out var z) && z is not null ? z : Domain.Calendar.PersonTimeZone.Resolve(null);
        return new CheckInContext(person, unit, period, campaign, scoring.RuleSetFor(person, year), targets, report, remediation, zone);
    }

    /// <summary>The newest campaign open now for this person's reporting rhythm (quarter or month), if any.</summary>
    public async Task<string?> OpenPeriodForAsync(Person person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var unit = person.Unit ?? await db.Units.SingleAsync(u => u.Id == person.UnitId, cancellationToken);
        var monthly = string.Equals(unit.PeriodKind, "month", StringComparison.OrdinalIgnoreCase);
        var open = await db.CheckInCampaigns.Where(c => c.ClosedAt == null).ToListAsync(cancellationToken);
        return open
            .Where(c => c.IsOpenAt(now) && (c.Period.Contains('Q', StringComparison.Ordinal) != monthly))
            .OrderByDescending(c => c.Period, StringComparer.Ordinal)
            .Select(c => c.Period)
            .FirstOrDefault();
    }
}
