using EvalBot.Auditing;
using EvalBot.Domain.Calendar;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// A leader (or the admin) replaces a reviewer of one of their people, or adds one. The replaced request is kept as
/// <see cref="FeedbackStatus.Replaced"/> with any answer cleared, so the old reviewer cannot answer it any more and
/// is not chosen again for that person. A chosen reviewer must be eligible under the selection's rules and cap;
/// <c>auto</c> lets the selection pick the least-loaded one.
/// </summary>
public sealed class FeedbackReplacement(
    EvalBotDbContext db, FeedbackAudience audience, FeedbackRequestMessages messages, AuditLog audit, TimeProvider time, IOptions<PeerFeedbackOptions> options)
{
    public const string Auto = "auto";

    /// <summary>
    /// Only a request whose reviewer skipped it for a conflict of interest may be replaced: replacing clears the request,
    /// and an answer is never removed by anyone but its author before the period closes.
    /// </summary>
    public static bool IsReplaceable(FeedbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Flagged && request.Status == FeedbackStatus.Skipped;
    }

    /// <summary>Who could be added for the subject now: eligible, under the cap, not already asked.</summary>
    public async Task<List<SelectionCandidate>> EligibleAsync(Person subject, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleAsync(c => c.Period == period, cancellationToken);
        var candidates = await audience.CandidatesAsync(CampaignPeriods.Parse(period), campaign, time.GetUtcNow(), cancellationToken);
        var existing = await audience.ExistingAsync(period, cancellationToken);
        var me = candidates.SingleOrDefault(c => c.Id == subject.Id);
        if (me is null)
        {
            return [];
        }

        var load = existing.Where(a => a.Relation != ReviewerSelection.Replaced).GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        var taken = existing.Where(a => a.SubjectId == subject.Id).Select(a => a.ReviewerId).ToHashSet();
        return [.. candidates.Where(c => c.CanReview && c.UnitId == subject.UnitId && ReviewerSelection.MayReview(c, me) && !taken.Contains(c.Id)
            && load.GetValueOrDefault(c.Id) < options.Value.MaxRequestsPerReviewer)
            .OrderBy(c => load.GetValueOrDefault(c.Id)).ThenBy(c => StableHash.Of(period, subject.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>Adds a reviewer (replacing <paramref name="replaced"/> when given). Returns the new request, or null when nobody eligible fits.</summary>
    public async Task<FeedbackRequest?> AddAsync(Person subject, string period, FeedbackRequest? replaced, string choice, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (replaced is not null && !IsReplaceable(replaced))
        {
            throw new InvalidOperationException($"Feedback request {replaced.Id} was not skipped for a conflict of interest and cannot be replaced.");
        }

        var eligible = await EligibleAsync(subject, period, cancellationToken);
        var pick = choice == Auto ? eligible.FirstOrDefault() : eligible.FirstOrDefault(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == choice);
        if (pick is null)
        {
            return null;
        }

        if (replaced is not null)
        {
            replaced.Status = FeedbackStatus.Replaced;
            replaced.Flagged = false;
            replaced.RatingsJson = null;
            replaced.Strengths = null;
            replaced.Improvements = null;
        }

        var request = new FeedbackRequest { Period = period, SubjectPersonId = subject.Id, ReviewerPersonId = pick.Id, Relation = ReviewerSelection.Added };
        db.Set<FeedbackRequest>().Add(request);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, replaced is null ? "feedback.reviewer.add" : "feedback.reviewer.replace", "Person", subject.ExternalId,
            new { period, replacedRequest = replaced?.Id, request = request.Id });
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleAsync(c => c.Period == period, cancellationToken);
        await messages.QueueOneAsync(request, campaign, now, cancellationToken);
        return request;
    }
}
