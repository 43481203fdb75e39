using EvalBot.Auditing;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Admin endpoints (under <c>/admin</c> and its key): open a round now, remind now, counts of a round, and replace or
/// add a reviewer. Counts only: no endpoint lists answers, and none says who answered.
/// </summary>
public static class FeedbackAdmin
{
    public static RouteGroupBuilder MapFeedbackAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/feedback/{period}/open", OpenAsync).WithName("OpenFeedbackRound").WithSummary("Choose reviewers and queue the feedback requests of the period now");
        admin.MapPost("/feedback/{period}/remind", RemindAsync).WithName("RemindFeedbackRound").WithSummary("Queue the reminder of unanswered requests now");
        admin.MapGet("/feedback/{period}", CountsAsync).WithName("FeedbackRoundCounts").WithSummary("Requests of the period by status (counts only)");
        admin.MapPost("/feedback/{period}/reviewers", ReplaceAsync).WithName("ReplaceFeedbackReviewer").WithSummary("Replace or add a reviewer of a person");
        return admin;
    }

    private static async Task<IResult> OpenAsync(string period, FeedbackRounds rounds, CancellationToken cancellationToken) =>
        CampaignPeriods.TryParse(period, out var parsed, out var error)
            ? Answer(await rounds.OpenAsync(parsed.Label, cancellationToken))
            : Results.BadRequest(new { error });

    private static async Task<IResult> RemindAsync(string period, FeedbackRounds rounds, CancellationToken cancellationToken) =>
        CampaignPeriods.TryParse(period, out var parsed, out var error)
            ? Answer(await rounds.RemindAsync(parsed.Label, 1, cancellationToken))
            : Results.BadRequest(new { error });

    private static async Task<IResult> CountsAsync(string period, EvalBotDbContext db, CancellationToken cancellationToken)
    {
        var statuses = await db.Set<FeedbackRequest>().AsNoTracking().Where(r => r.Period == period).Select(r => new { r.Status, r.Flagged }).ToListAsync(cancellationToken);
        return Results.Ok(new
        {
            period,
            requests = statuses.Count(s => s.Status != FeedbackStatus.Replaced),
            answered = statuses.Count(s => s.Status == FeedbackStatus.Answered),
            skipped = statuses.Count(s => s.Status == FeedbackStatus.Skipped),
            flagged = statuses.Count(s => s.Flagged),
            replaced = statuses.Count(s => s.Status == FeedbackStatus.Replaced),
        });
    }

    private static async Task<IResult> ReplaceAsync(string period, ReviewerChange body, EvalBotDbContext db, FeedbackReplacement replacement, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var subject = await db.People.Include(p => p.Unit).SingleOrDefaultAsync(p => p.ExternalId == body.Person, cancellationToken);
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, cancellationToken);
        var now = time.GetUtcNow();
        if (subject is null || !FeedbackRepository.IsOpen(campaign, now))
        {
            return Results.NotFound(new { error = "No such person, or the period is not open." });
        }

        FeedbackRequest? replaced = null;
        if (body.Replace is { Length: > 0 } old)
        {
            var reviewerId = await db.People.Where(p => p.ExternalId == old).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken);
            replaced = await db.Set<FeedbackRequest>().SingleOrDefaultAsync(r => r.Period == period && r.SubjectPersonId == subject.Id && r.ReviewerPersonId == reviewerId && r.Status != FeedbackStatus.Replaced, cancellationToken);
            if (replaced is null)
            {
                return Results.NotFound(new { error = $"{old} is not a reviewer of {body.Person} in {period}." });
            }

            if (!FeedbackReplacement.IsReplaceable(replaced))
            {
                return Results.Conflict(new { error = $"{old} did not step back for a conflict of interest: only such a reviewer is replaced, and an answer is never removed but by its author." });
            }
        }

        var choice = body.With is { Length: > 0 } with
            ? (await db.People.Where(p => p.ExternalId == with).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken))?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"
            : FeedbackReplacement.Auto;
        var added = await replacement.AddAsync(subject, period, replaced, choice, AuditLog.AdminActor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return added is null
            ? Results.Conflict(new { error = "Nobody eligible: the person must be in the same unit, not the subject, their leader or head, and under the request cap." })
            : Results.Ok(new { period, person = body.Person, request = added.Id });
    }

    private static IResult Answer(FeedbackStepResult result) =>
        result.Refused is null ? Results.Ok(result) : Results.Conflict(result);
}

/// <summary>Body of the reviewer endpoint: the person (external id), optionally the reviewer to replace and who to ask instead (else automatic).</summary>
public sealed record ReviewerChange(string Person, string? Replace, string? With);
