using EvalBot.Domain.Calendar;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DomainPeriod = EvalBot.Domain.Records.Period;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// The people of a round as the selection sees them. Reviewers must be active, reachable in Teams and not on leave
/// from today until the period closes; subjects must be active and not on leave for the whole period.
/// </summary>
public sealed class FeedbackAudience(EvalBotDbContext db, CampaignAudience campaigns, CampaignCalendar calendar, IOptions<PeerFeedbackOptions> options)
{
    public async Task<List<SelectionCandidate>> CandidatesAsync(DomainPeriod period, CheckInCampaign campaign, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(campaign);
        var units = await campaigns.UnitsReportingAsync(period.Kind, cancellationToken);
        var people = await db.People.AsNoTracking().Include(p => p.Unit)
            .Where(p => p.IsActive && units.Contains(p.UnitId))
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var leave = await db.Leaves.AsNoTracking().Where(l => ids.Contains(l.PersonId)).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.CampaignZone).DateTime);
        var closes = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(campaign.ClosesAt, calendar.CampaignZone).DateTime);
        var leaders = people.Where(p => p.IsLeader).Select(p => p.Id).ToHashSet();
        return [.. people.Select(p =>
        {
            var mine = leave.Where(l => l.PersonId == p.Id).ToList();
            var awayNow = mine.Any(l => l.From <= today && l.To >= today) || mine.Any(l => l.From <= today.AddDays(1) && l.To >= closes);
            var awayAllPeriod = mine.Any(l => l.From <= period.Start && l.To >= period.End);
            return new SelectionCandidate(
                p.Id, p.UnitId, p.TaskGroupId, p.ManagerId, p.Unit?.HeadPersonId,
                IsLeader: leaders.Contains(p.Id),
                CanReview: !string.IsNullOrWhiteSpace(p.AadObjectId) && !awayNow,
                IsSubject: !awayAllPeriod,
                Wanted: options.Value.ReviewersFor(p.Unit?.ExternalId ?? ""));
        })];
    }

    /// <summary>Every request of the period, as assignments the selection keeps (replaced ones only block their pair).</summary>
    public async Task<List<ReviewerAssignment>> ExistingAsync(string period, CancellationToken cancellationToken) =>
        [.. (await db.Set<FeedbackRequest>().AsNoTracking().Where(r => r.Period == period).ToListAsync(cancellationToken))
            .Select(r => new ReviewerAssignment(r.SubjectPersonId, r.ReviewerPersonId, r.Status == FeedbackStatus.Replaced ? ReviewerSelection.Replaced : r.Relation))];
}
