using System.Globalization;
using EvalBot.Auditing;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Domain.Review;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Review;

/// <summary>
/// The meeting card's buttons (rule 24). <c>review.comment</c> records the sender's comment on a person of the unit,
/// with the sender as its author (an addendum once the minutes are approved); <c>review.approve</c> approves the minutes,
/// by the chair only, once; <c>review.show</c> lists every entry about the person chosen (all of them when none is), and
/// changes nothing. Who acts comes from the activity, never from the card; the unit named by the card is used only
/// when the sender belongs to it or heads it. Each is audited.
/// </summary>
public sealed class ReviewMeetingActions(ReviewMeetingCard card, CardTemplates templates, OrganisationClock clock, AuditLog audit) : ICardActionHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["review.comment", "review.approve", "review.show"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var me = await turn.SenderAsync(cancellationToken);
        var text = new TextTable(templates, turn.Language);
        if (me is null) return InvokeResponse.Message(text["sumNoPerson"]);
        if (!int.TryParse(JsonRead.Text(action.Data, "year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !clock.IsReviewYear(year, turn.Now))
        {
            return InvokeResponse.Message(text["rmBadYear"]);
        }

        var unit = long.TryParse(JsonRead.Text(action.Data, "unit"), NumberStyles.None, CultureInfo.InvariantCulture, out var unitId)
            ? await card.UnitOfAsync(me, unitId, cancellationToken)
            : null;
        if (unit is null) return InvokeResponse.Message(text["rmNotParticipant"]);

        if (action.Verb == "review.show") return InvokeResponse.Card(await card.RenderAsync(me, unit, year, turn.Language, null, null, await ShownAsync(unit, action, cancellationToken), cancellationToken));
        var meeting = await turn.Db.ReviewMeetings.Include(m => m.Entries).SingleOrDefaultAsync(m => m.UnitId == unit.Id && m.Year == year, cancellationToken);
        var (notice, error, typed) = action.Verb == "review.approve"
            ? await ApproveAsync(turn, me, unit, meeting, text, cancellationToken)
            : await CommentAsync(turn, me, unit, year, meeting, action, text, cancellationToken);
        return InvokeResponse.Card(await card.RenderAsync(me, unit, year, turn.Language, notice, error, typed, cancellationToken));
    }

    private async Task<(string? Notice, string? Error, MeetingTyped? Typed)> CommentAsync(
        TurnContext turn, Person me, Unit unit, int year, ReviewMeeting? meeting, CardAction action, TextTable text, CancellationToken ct)
    {
        var subjectText = (JsonRead.Text(action.Data, "subject") ?? "").Trim();
        var comment = (JsonRead.Text(action.Data, "comment") ?? "").Trim();
        var typed = new MeetingTyped(subjectText, comment);
        var chair = meeting?.ChairPersonId ?? unit.HeadPersonId;
        if (chair is null) return (null, text["rmNoChair"], typed);
        var participants = await card.ParticipantsAsync(unit, ct);
        var subject = long.TryParse(subjectText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? participants.SingleOrDefault(p => p.Id == id) : null;
        if (subject is null) return (null, text["rmBadSubject"], typed);
        if (comment.Length == 0) return (null, text["rmEmpty"], typed);
        if (comment.Length > ReviewMeetingCard.MaxComment) return (null, text.Format("rmTooLong", ReviewMeetingCard.MaxComment), typed);

        if (meeting is null) turn.Db.ReviewMeetings.Add(meeting = new ReviewMeeting { UnitId = unit.Id, Year = year, ChairPersonId = chair.Value, OpenedAt = turn.Now });
        var minutes = Minutes(meeting);
        var (next, refusal) = minutes.IsApproved ? minutes.Addendum(me.Id, subject.Id, comment, turn.Now) : minutes.Comment(me.Id, subject.Id, comment, turn.Now);
        if (refusal is not null) return (null, turn.Language == "en" ? refusal.TextEn : refusal.TextVi, typed);
        var entry = next.Entries[^1];
        meeting.Entries.Add(new ReviewMeetingEntry { AuthorPersonId = entry.AuthorId, SubjectPersonId = entry.SubjectId, Text = entry.Text, At = entry.At, IsAddendum = entry.IsAddendum });
        audit.Record(me.AadObjectId ?? me.ExternalId, entry.IsAddendum ? "review.addendum" : "review.comment", "review-meeting",
            string.Create(CultureInfo.InvariantCulture, $"{unit.Id}/{year}"), new { subject = subject.Id }, turn.Now);
        await turn.Db.SaveChangesAsync(ct);
        return (text.Format(entry.IsAddendum ? "rmAddendumRecorded" : "rmRecorded", CardText.Plain(subject.FullName)), null, null);
    }

    private async Task<(string? Notice, string? Error, MeetingTyped? Typed)> ApproveAsync(
        TurnContext turn, Person me, Unit unit, ReviewMeeting? meeting, TextTable text, CancellationToken ct)
    {
        if (meeting is null || meeting.Entries.Count == 0) return (null, text["rmApproveEmpty"], null);
        var (_, refusal) = Minutes(meeting).Approve(me.Id, turn.Now);
        if (refusal is not null) return (null, text[meeting.ApprovedAt is null ? "rmNotChair" : "rmAlreadyApproved"], null);

        // Once only, also when two approvals cross: the row is approved where it is still open.
        var approved = await turn.Db.ReviewMeetings.Where(m => m.Id == meeting.Id && m.ApprovedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ApprovedAt, turn.Now), ct);
        if (approved == 0) return (null, text["rmAlreadyApproved"], null);
        audit.Record(me.AadObjectId ?? me.ExternalId, "review.approve", "review-meeting",
            string.Create(CultureInfo.InvariantCulture, $"{unit.Id}/{meeting.Year}"), new { entries = meeting.Entries.Count }, turn.Now);
        await turn.Db.SaveChangesAsync(ct);
        return (text.Format("rmApprovedNotice", TextTable.DateTime(turn.Now, clock.Zone)), null, null);
    }

    /// <summary>What <c>review.show</c> keeps of the card: the typed texts, and the person chosen when they are of the meeting.</summary>
    private async Task<MeetingTyped> ShownAsync(Unit unit, CardAction action, CancellationToken ct)
    {
        var subjectText = (JsonRead.Text(action.Data, "subject") ?? "").Trim();
        var comment = JsonRead.Text(action.Data, "comment") ?? "";
        var participants = await card.ParticipantsAsync(unit, ct);
        long? only = long.TryParse(subjectText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && participants.Any(p => p.Id == id) ? id : null;
        return new MeetingTyped(subjectText, comment, only);
    }

    private static MeetingMinutes Minutes(ReviewMeeting meeting) => new(meeting.ChairPersonId,
        [.. meeting.Entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new MinuteEntry(e.AuthorPersonId, e.SubjectPersonId, e.Text, e.At, e.IsAddendum))], meeting.ApprovedAt);
}
