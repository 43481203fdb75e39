using System.Globalization;
using EvalBot.Cards;
using EvalBot.Delivery;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>
/// Sends the Party rating card to whoever holds the next step, in their personal chat and their language: the member
/// (or the collective's head) when the rating opens and when it is decided, the advisory body after the self-rating, the
/// competent level after the verification; the organisation board where no organisation names anyone. One message per
/// rating, step and recipient, whatever the retries. The member's quarterly self-assessment (Form 05) each time it is
/// filled or updated.
/// </summary>
public sealed class PartyNotices(EvalBotDbContext db, PartyDirectory directory, PartyCard card, PartyQuarterCard quarterCard, CardTemplates templates, OutboxWriter outbox, ProactiveAddressing addressing)
{
    /// <summary>Sends the card of the rating's current step to its holder(s); returns how many were queued.</summary>
    public async Task<int> SendAsync(PartySubject subject, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var r = subject.Rating;
        var (recipients, role, noticeKey) = r.Step switch
        {
            PartyRatingStep.Open => (await PeopleAsync(subject.SelfRaterId, ct), PartyRole.SelfRate, "partySelfNotice"),
            PartyRatingStep.SelfRated => (await PeopleAsync(await directory.VerifierAsync(subject, ct), ct), PartyRole.Verify, "partyVerifyNotice"),
            PartyRatingStep.Verified => (await PeopleAsync(await directory.DeciderAsync(subject, ct), ct), PartyRole.Decide, "partyDecideNotice"),
            _ => (await PeopleAsync(subject.SelfRaterId, ct), PartyRole.View, "partyResultNotice"),
        };
        var queued = 0;
        foreach (var person in recipients.Where(p => p.Id != subject.SelfRaterId || role is PartyRole.SelfRate or PartyRole.View))
        {
            if (await addressing.ForAsync(person, null, null, ct) is not { } to) continue;
            var language = person.MessageLanguage();
            var text = new TextTable(templates, language);
            var notice = role is PartyRole.Verify or PartyRole.Decide ? text.Format(noticeKey, subject.Name) : text.Format(noticeKey, r.Year.ToString(CultureInfo.InvariantCulture));
            var rendered = await card.RenderAsync(subject, role, language, notice, null, ct);
            var key = FormattableString.Invariant($"party.{r.Step}:{r.Id}:{person.Id}");
            if (await outbox.EnqueueToPersonAsync(key, "party." + role.ToString().ToLowerInvariant(), to with { PersonId = person.Id }, Conversation.TurnContext.CardMessage(rendered), ct, now))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>
    /// Sends a collective's draft report (its self-rating, Form 01) to every participant of its review meeting, with the
    /// meeting's day (rule 34); a revised draft goes out again. Returns how many were queued.
    /// </summary>
    public async Task<int> DistributeDraftAsync(PartySubject subject, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var r = subject.Rating;
        if (subject.Collective is not { } collective || r.MeetingOn is not { } meeting || r.SelfRatedAt is not { } sent) return 0;
        var members = await db.PartyCollectiveMembers.Where(m => m.CollectiveId == collective.Id && m.PersonId != collective.HeadPersonId)
            .Join(db.People.Where(p => p.IsActive), m => m.PersonId, p => p.Id, (m, p) => p).ToListAsync(ct);
        var queued = 0;
        foreach (var person in members)
        {
            if (await addressing.ForAsync(person, null, null, ct) is not { } to) continue;
            var language = person.MessageLanguage();
            var notice = new TextTable(templates, language).Format("partyDraftNotice", collective.Name, TextTable.Date(meeting));
            var rendered = await card.RenderAsync(subject, PartyRole.View, language, notice, null, ct);
            var key = FormattableString.Invariant($"party.draft:{r.Id}:{person.Id}:{sent.ToUnixTimeSeconds()}");
            if (await outbox.EnqueueToPersonAsync(key, "party.draft", to with { PersonId = person.Id }, Conversation.TurnContext.CardMessage(rendered), ct, now)) queued++;
        }

        return queued;
    }

    /// <summary>Sends the member the Form 05 card of a quarterly record just filled or updated by the confirmation of <paramref name="confirmedPeriod"/>; true when queued.</summary>
    public async Task<bool> SendQuarterAsync(PartyQuarterRecord record, string confirmedPeriod, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (await db.People.SingleOrDefaultAsync(p => p.Id == record.PersonId && p.IsActive, ct) is not { } person
            || await addressing.ForAsync(person, null, null, ct) is not { } to) return false;
        var language = person.MessageLanguage();
        var text = new TextTable(templates, language);
        var notice = text.Format(record.CreatedAt == record.UpdatedAt ? "partyQuarterCreated" : "partyQuarterUpdated", text.PeriodLabel(confirmedPeriod));
        var rendered = quarterCard.Render(record, person.FullName, language, notice);
        var key = FormattableString.Invariant($"party.quarter:{record.Id}:{record.UpdatedAt.ToUnixTimeMilliseconds()}");
        return await outbox.EnqueueToPersonAsync(key, "party.quarter", to with { PersonId = person.Id }, Conversation.TurnContext.CardMessage(rendered), ct, now);
    }

    private async Task<List<Person>> PeopleAsync(long? personId, CancellationToken ct) => personId is { } id
        ? await db.People.Where(p => p.Id == id && p.IsActive).ToListAsync(ct)
        : await db.People.Where(p => p.IsOrganisationBoard && p.IsActive).ToListAsync(ct);
}
