using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.PeerFeedback;

/// <summary>Loads people, requests and periods for the feedback feature, and says who may see whose aggregates.</summary>
public sealed class FeedbackRepository(EvalBotDbContext db, TimeProvider time)
{
    public Task<Person?> PersonAsync(long id, CancellationToken cancellationToken) =>
        db.People.Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<CheckInCampaign?> CampaignAsync(string period, CancellationToken cancellationToken) =>
        db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, cancellationToken);

    /// <summary>Answers can be given and changed while the period's campaign is open.</summary>
    public static bool IsOpen(CheckInCampaign? campaign, DateTimeOffset now) => campaign?.IsOpenAt(now) == true;

    /// <summary>Answers are final, and may be shown, once the campaign has closed (by the schedule, an admin, or its time).</summary>
    public static bool IsClosed(CheckInCampaign? campaign, DateTimeOffset now) =>
        campaign is not null && (campaign.ClosedAt is not null || now >= campaign.ClosesAt);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The requests addressed to the reviewer in periods still open, newest period first.</summary>
    public async Task<List<(FeedbackRequest Request, Person Subject, CheckInCampaign Campaign)>> OpenRequestsForAsync(long reviewerId, CancellationToken cancellationToken)
    {
        var now = Now;
        var campaigns = (await db.CheckInCampaigns.AsNoTracking().Where(c => c.ClosedAt == null).ToListAsync(cancellationToken))
            .Where(c => c.IsOpenAt(now)).ToDictionary(c => c.Period, StringComparer.Ordinal);
        var periods = campaigns.Keys.ToList();
        var rows = await db.Set<FeedbackRequest>().AsNoTracking()
            .Where(r => r.ReviewerPersonId == reviewerId && periods.Contains(r.Period) && r.Status != FeedbackStatus.Replaced)
            .ToListAsync(cancellationToken);
        var subjectIds = rows.Select(r => r.SubjectPersonId).Distinct().ToList();
        var subjects = await db.People.AsNoTracking().Where(p => subjectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. rows.OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenBy(r => subjects[r.SubjectPersonId].FullName, StringComparer.Ordinal)
            .Select(r => (r, subjects[r.SubjectPersonId], campaigns[r.Period]))];
    }

    /// <summary>
    /// The subject themselves, their direct leader, the head of their unit, and the organisation board (who keep
    /// evaluation records) may see a person's aggregates; nobody else.
    /// </summary>
    public async Task<bool> MayViewAsync(Person viewer, Person subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(subject);
        if (viewer.Id == subject.Id || subject.ManagerId == viewer.Id || viewer.IsOrganisationBoard)
        {
            return true;
        }

        var unit = subject.Unit ?? await db.Units.AsNoTracking().SingleAsync(u => u.Id == subject.UnitId, cancellationToken);
        return unit.HeadPersonId == viewer.Id;
    }

    /// <summary>The people whose feedback a leader looks after: their direct reports and, for a head, the unit.</summary>
    public async Task<List<Person>> PeopleLedByAsync(Person leader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leader);
        var headOf = await db.Units.AsNoTracking().Where(u => u.HeadPersonId == leader.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        return await db.People.AsNoTracking().Include(p => p.Unit)
            .Where(p => p.IsActive && p.Id != leader.Id && (p.ManagerId == leader.Id || headOf.Contains(p.UnitId)))
            .OrderBy(p => p.FullName).ToListAsync(cancellationToken);
    }
}
