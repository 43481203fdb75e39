using EvalBot.Auditing;
using EvalBot.Domain.Review;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// An annual review record entered from its signed paper: a self-assessment (Form 01/02/03), or an opinion (kind
/// <c>partyCommittee</c>, <c>advisoryProposal</c>, <c>oldUnit</c>); <c>RecordedBy</c>, the staff id of who entered the
/// opinion, is optional (without it the opinion shows as entered by the office).
/// </summary>
public sealed record ReviewRecordRequest(string? Kind, string? Text, string? Strengths, string? Shortcomings, string? SelfCriticism, string? RecordedBy = null);

/// <summary>A unit's comment meeting entered from its minutes: the comments with their authors and subjects (external ids); approved when <c>Approved</c>.</summary>
public sealed record ReviewMinutesRequest(string? Chair, IReadOnlyList<ReviewMinutesComment>? Comments, bool Approved);

/// <summary>One comment of the minutes.</summary>
public sealed record ReviewMinutesComment(string Author, string Subject, string Text);

/// <summary>
/// Rules 23, 24 and 37 from the admin API, for the records kept on paper: the annual self-assessment, the opinions of other
/// bodies (the workplace party committee, the personnel advisory unit, the old unit after a transfer) and the minutes of a
/// unit's comment meeting. Each is stamped now; approved minutes take no new comment (an addendum is marked as such).
/// </summary>
public static class ReviewAdmin
{
    public static RouteGroupBuilder MapReviewAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/years/{year:int}/people/{externalId}/review", RecordAsync);
        admin.MapPost("/years/{year:int}/units/{externalId}/review-meeting", MinutesAsync);
        return admin;
    }

    private static async Task<IResult> RecordAsync(int year, string externalId, ReviewRecordRequest request, EvalBotDbContext db, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.ExternalId == externalId, ct);
        if (person is null) return Results.NotFound(new { error = "unknown person" });
        var now = time.GetUtcNow();
        if (request.Kind is null or "selfAssessment")
        {
            var self = await db.ReviewSelfAssessments.SingleOrDefaultAsync(s => s.PersonId == person.Id && s.Year == year, ct);
            if (self is null) db.ReviewSelfAssessments.Add(self = new ReviewSelfAssessment { PersonId = person.Id, Year = year });
            self.Strengths = request.Strengths?.Trim() ?? "";
            self.Shortcomings = request.Shortcomings?.Trim() ?? "";
            self.SelfCriticism = request.SelfCriticism?.Trim() ?? "";
            self.SubmittedAt = now;
        }
        else
        {
            ReviewOpinionKind? kind = request.Kind switch
            {
                "partyCommittee" => ReviewOpinionKind.PartyCommittee, "advisoryProposal" => ReviewOpinionKind.AdvisoryProposal, "oldUnit" => ReviewOpinionKind.OldUnit, _ => null,
            };
            if (kind is null || string.IsNullOrWhiteSpace(request.Text)) return Results.BadRequest(new { error = "kind must be selfAssessment, partyCommittee, advisoryProposal or oldUnit, with a text" });
            long recorder = 0;
            if (!string.IsNullOrWhiteSpace(request.RecordedBy))
            {
                var by = await db.People.AsNoTracking().Where(p => p.ExternalId == request.RecordedBy.Trim()).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
                if (by is null) return Results.BadRequest(new { error = "recordedBy names nobody", recordedBy = request.RecordedBy });
                recorder = by.Value;
            }

            var opinion = await db.ReviewOpinions.SingleOrDefaultAsync(o => o.PersonId == person.Id && o.Year == year && o.Kind == kind, ct);
            if (opinion is null) db.ReviewOpinions.Add(opinion = new ReviewOpinion { PersonId = person.Id, Year = year, Kind = kind.Value, Text = "" });
            opinion.Text = request.Text.Trim();
            opinion.RecordedByPersonId = recorder;
            opinion.RecordedAt = now;
        }

        audit.Record(AuditLog.AdminActor, "review.record", "review", $"{person.Id}/{year}", new { kind = request.Kind ?? "selfAssessment" });
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { person = externalId, year, kind = request.Kind ?? "selfAssessment", at = now });
    }

    private static async Task<IResult> MinutesAsync(int year, string externalId, ReviewMinutesRequest request, EvalBotDbContext db, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.ExternalId == externalId, ct);
        if (unit is null) return Results.NotFound(new { error = "unknown unit" });
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.ExternalId, p => p.Id, ct);
        var now = time.GetUtcNow();
        var meeting = await db.ReviewMeetings.Include(m => m.Entries).SingleOrDefaultAsync(m => m.UnitId == unit.Id && m.Year == year, ct);
        var chair = request.Chair is { } c && people.TryGetValue(c, out var chairId) ? chairId : unit.HeadPersonId;
        if (chair is null) return Results.BadRequest(new { error = "the meeting needs a chair" });
        if (meeting is null) db.ReviewMeetings.Add(meeting = new ReviewMeeting { UnitId = unit.Id, Year = year, ChairPersonId = chair.Value, OpenedAt = now });
        var minutes = new MeetingMinutes(meeting.ChairPersonId, [.. meeting.Entries.Select(e => new MinuteEntry(e.AuthorPersonId, e.SubjectPersonId, e.Text, e.At, e.IsAddendum))], meeting.ApprovedAt);
        foreach (var comment in request.Comments ?? [])
        {
            if (!people.TryGetValue(comment.Author, out var author) || !people.TryGetValue(comment.Subject, out var subject)) return Results.BadRequest(new { error = "unknown author or subject" });
            var (next, refusal) = minutes.IsApproved ? minutes.Addendum(author, subject, comment.Text, now) : minutes.Comment(author, subject, comment.Text, now);
            if (refusal is not null) return Results.BadRequest(new { error = refusal.TextEn, rule = refusal.RuleId });
            minutes = next;
        }

        if (request.Approved && !minutes.IsApproved) minutes = minutes.Approve(minutes.ChairId, now).Minutes;
        foreach (var e in minutes.Entries.Skip(meeting.Entries.Count))
        {
            meeting.Entries.Add(new ReviewMeetingEntry { AuthorPersonId = e.AuthorId, SubjectPersonId = e.SubjectId, Text = e.Text, At = e.At, IsAddendum = e.IsAddendum });
        }

        meeting.ApprovedAt = minutes.ApprovedAt;
        audit.Record(AuditLog.AdminActor, "review.minutes", "review-meeting", $"{unit.Id}/{year}", new { comments = request.Comments?.Count ?? 0, approved = meeting.ApprovedAt });
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { unit = externalId, year, entries = meeting.Entries.Count, approvedAt = meeting.ApprovedAt });
    }
}
