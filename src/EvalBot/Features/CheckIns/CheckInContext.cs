using EvalBot.Domain.RuleSets;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.CheckIns;

/// <summary>
/// Everything a check-in card shows or checks for one person and period, loaded in one place; <see cref="Sheet"/> is the
/// person's score sheet (post, group, agency), null when the default criteria apply.
/// </summary>
public sealed record CheckInContext(
    Person Person,
    Unit Unit,
    string Period,
    CheckInCampaign? Campaign,
    RuleSet? RuleSet,
    IReadOnlyList<Target> Targets,
    CheckInReport? Report,
    IReadOnlyList<RemediationItemRow> Remediation,
    TimeZoneInfo Zone,
    PersonSheet? Sheet = null)
{
    public bool IsOpenAt(DateTimeOffset now) => Campaign?.IsOpenAt(now) == true;

    public CheckInLine? LineFor(long targetId) => Report?.Lines.FirstOrDefault(l => l.TargetId == targetId);
}

/// <summary>Loads check-in contexts and the people they belong to.</summary>
public sealed class CheckInRepository(EvalBotDbContext db, CheckInScoring scoring)
{
    public async Task<CheckInContext> LoadAsync(Person person, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return (await LoadManyAsync([person], period, cancellationToken, tracked: true))[person.Id];
    }

    /// <summary>
    /// The contexts of many people for one period, in a fixed number of queries whatever their number (a campaign
    /// prompts a province batch by batch): their targets, current reports and open remediation items. Untracked unless
    /// <paramref name="tracked"/>: a card to render needs no change tracking.
    /// </summary>
    public async Task<Dictionary<long, CheckInContext>> LoadManyAsync(IReadOnlyList<Person> people, string period, CancellationToken cancellationToken, bool tracked = false)
    {
        ArgumentNullException.ThrowIfNull(people);
        var ids = people.Select(p => p.Id).Distinct().ToList();
        var posts = people.Where(p => p.PostId is not null).Select(p => p.PostId!.Value).Distinct().ToList();
        var missingUnits = people.Where(p => p.Unit is null).Select(p => p.UnitId).Distinct().ToList();
        var units = missingUnits.Count == 0
            ? []
            : await Query(db.Units).Where(u => missingUnits.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var campaign = await Query(db.CheckInCampaigns).SingleOrDefaultAsync(c => c.Period == period, cancellationToken);
        var targets = await Query(db.Targets)
            .Where(t => t.Period == period && ((t.PersonId != null && ids.Contains(t.PersonId.Value)) || (t.PostId != null && posts.Contains(t.PostId.Value))))
            .ToListAsync(cancellationToken);
        var reports = await Query(db.CheckInReports).Include(r => r.Lines)
            .Where(r => ids.Contains(r.PersonId) && r.Period == period && r.IsCurrent)
            .ToListAsync(cancellationToken);
        var remediation = await Query(db.RemediationItems)
            .Where(r => ids.Contains(r.PersonId) && r.Status != RemediationItemStatus.Remedied)
            .ToListAsync(cancellationToken);
        var year = PeriodKey.YearOf(period) ?? throw new ArgumentException($"Not a period: {period}", nameof(period));
        var byPerson = targets.Where(t => t.PersonId is not null).ToLookup(t => t.PersonId!.Value);
        var byPost = targets.Where(t => t.PostId is not null).ToLookup(t => t.PostId!.Value);
        var reportsOf = reports.ToLookup(r => r.PersonId);
        var remediationOf = remediation.ToLookup(r => r.PersonId);
        var sheets = await ScoreSheetBook.LoadAsync(db, cancellationToken);
        var tree = sheets.HasAgencySheets ? new OrgTree(await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken)) : null;
        var contexts = new Dictionary<long, CheckInContext>(ids.Count);
        foreach (var person in people)
        {
            var unit = person.Unit ?? units[person.UnitId];
            var own = byPerson[person.Id]
                .Concat(person.PostId is { } post ? byPost[post] : [])
                .Distinct()
                .OrderBy(t => t.Deadline).ThenBy(t => t.Id)
                .ToList();
            var report = reportsOf[person.Id].MaxBy(r => r.Version);
            var items = remediationOf[person.Id].OrderBy(r => r.DueDate).ToList();
            var zone = Domain.Calendar.PersonTimeZone.TryResolve(person.TimeZone ?? unit.TimeZone, out var z) && z is not null ? z : Domain.Calendar.PersonTimeZone.Resolve(null);
            contexts[person.Id] = new CheckInContext(person, unit, period, campaign, scoring.RuleSetFor(person, year), own, report, items, zone, sheets.For(person, tree));
        }

        return contexts;

        IQueryable<T> Query<T>(DbSet<T> set)
            where T : class => tracked ? set : set.AsNoTracking();
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
