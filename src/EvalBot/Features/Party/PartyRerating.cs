using System.Globalization;
using EvalBot.Auditing;
using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>The body of <c>POST /admin/party/ratings/{id}/rerate</c>: the new level, why, and the superior committee deciding it.</summary>
public sealed record PartyRerateRequest(string? Level, string? Reason, string? By);

/// <summary>What a re-rating did: the new version, and whether a commendation that rested on the old level is to be cancelled.</summary>
public sealed record PartyRerateResult(PartyRating Rating, bool CommendationToCancel);

/// <summary>
/// Re-rating of a decided Party rating by the superior committee (rule 29, Regulation 366 Art. 13 and 15.3): the decided
/// rating is never changed; it is marked superseded and a new version, linked to it, is decided at once with the reason,
/// audited, sent to the member (or the collective's head) and published again in the organisation. An HTXS lowered
/// flags the commendation that depended on it for cancellation.
/// </summary>
public sealed class PartyRerating(EvalBotDbContext db, PartyDirectory directory, PartyNotices notices, PartyPublication publication, PartyDossier dossier, AuditLog audit, TimeProvider time)
{
    public async Task<(PartyRerateResult? Result, string? Error)> RerateAsync(long ratingId, PartyRerateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PartySteps.ParseLevel(request.Level) is not { } level) return (null, "level must be HTXS, HTT, HT or KHT");
        if (string.IsNullOrWhiteSpace(request.Reason) || string.IsNullOrWhiteSpace(request.By) || request.Reason.Length > 2000 || request.By.Length > 128)
            return (null, "reason (up to 2000 characters) and by (up to 128) are required");
        var old = await db.PartyRatings.SingleOrDefaultAsync(r => r.Id == ratingId, ct);
        if (old is null) return (null, "unknown rating");
        if (old.Step != PartyRatingStep.Decided) return (null, "only a decided rating (its latest version) can be re-rated");
        var now = time.GetUtcNow();
        // The new version starts as a copy of every value of the decided one (so nothing recorded is lost), then the decision.
        var next = (PartyRating)db.Entry(old).CurrentValues.ToObject();
        (next.Id, next.Version, next.SupersedesId, next.ConcurrencyStamp) = (0, old.Version + 1, old.Id, Guid.NewGuid());
        (next.Level, next.DecisionNote, next.DecidedAt, next.DecidedBy, next.Step) = ((int)level, request.Reason.Trim(), now, request.By.Trim(), PartyRatingStep.Decided);
        old.Step = PartyRatingStep.Superseded;
        db.PartyRatings.Add(next);
        var cancel = old.Level == (int)Level.Excellent && level != Level.Excellent && old.PersonId is not null;
        audit.Record(Auditing.AuditLog.AdminActor, "party.rerate", "party-rating", old.Id.ToString(CultureInfo.InvariantCulture),
            new { from = old.Level, to = (int)level, by = next.DecidedBy, commendationToCancel = cancel }, now);
        await db.SaveChangesAsync(ct);
        var subject = await directory.SubjectAsync(next, ct);
        await dossier.SealAsync(subject, ct);
        await notices.SendAsync(subject, now, ct);
        await publication.PublishIfCompleteAsync(subject, now, ct);
        await db.SaveChangesAsync(ct);
        return (new PartyRerateResult(next, cancel), null);
    }
}
