using EvalBot.Cards;
using EvalBot.Delivery;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.FollowUps;

/// <summary>
/// Tells holders of their follow-ups in personal chat, with their follow-ups card: a new task as soon as the job runs
/// after it opened (the board for a task nobody holds), a reminder on each configured day before the nearest due day, and
/// a weekly reminder once one is overdue. At most one reminder per holder and day, whatever the reruns.
/// </summary>
public sealed class FollowUpNotifier(EvalBotDbContext db, FollowUpCard card, CardTemplates templates, OutboxWriter outbox, ProactiveAddressing addressing,
    OrganisationClock clock, IOptions<FollowUpOptions> options)
{
    /// <summary>Queues the notices due now; the caller saves. Returns how many were queued.</summary>
    public async Task<int> NotifyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.FollowUpTasks.Where(t => t.ClosedAt == null).ToListAsync(ct);
        if (open.Count == 0) return 0;
        var board = await db.People.AsNoTracking().Where(p => p.IsOrganisationBoard && p.IsActive).ToListAsync(ct);
        var holderIds = open.Where(t => t.HolderPersonId != null).Select(t => t.HolderPersonId!.Value).Distinct().ToList();
        var holders = await db.People.AsNoTracking().Where(p => holderIds.Contains(p.Id) && p.IsActive).ToListAsync(ct);
        var today = clock.Today(now);
        var queued = 0;
        foreach (var person in holders.Concat(board).DistinctBy(p => p.Id))
        {
            var mine = open.Where(t => t.PersonId != person.Id && (t.HolderPersonId == person.Id || (t.HolderPersonId is null && person.IsOrganisationBoard))).ToList();
            if (mine.Count == 0) continue;
            var (key, noticeKey, arg) = What(mine, person.Id, today);
            if (key is null || noticeKey is null) continue;
            if (await addressing.ForAsync(person, null, null, ct) is not { } to) continue;
            var language = person.MessageLanguage();
            var text = new TextTable(templates, language);
            var rendered = await card.RenderAsync(person, language, now, text.Format(noticeKey, arg), null, ct);
            if (await outbox.EnqueueToPersonAsync(key, "followup.notice", to with { PersonId = person.Id }, Conversation.TurnContext.CardMessage(rendered), ct, now)) queued++;
        }

        foreach (var task in open.Where(t => t.NotifiedAt is null)) task.NotifiedAt = now;
        return queued;
    }

    /// <summary>The notice due today for a holder of <paramref name="mine"/>: new tasks first, then a reminder; null when none.</summary>
    private (string? Key, string? NoticeKey, string Arg) What(List<FollowUpTask> mine, long personId, DateOnly today)
    {
        var fresh = mine.Where(t => t.NotifiedAt is null).ToList();
        if (fresh.Count > 0) return (FormattableString.Invariant($"followup.new:{personId}:{fresh.Max(t => t.Id)}"), "fuNewNotice", "");
        var nearest = mine.Min(t => t.DueOn);
        var day = FormattableString.Invariant($"{personId}:{today:yyyy-MM-dd}");
        var left = nearest.DayNumber - today.DayNumber;
        if (left >= 0 && options.Value.ReminderDaysBefore.Contains(left)) return ("followup.remind:" + day, "fuReminderNotice", TextTable.Date(nearest));
        if (left < 0 && (-left) % 7 == 1) return ("followup.overdue:" + day, "fuOverdueNotice", TextTable.Date(nearest.AddDays(1)));
        return (null, null, "");
    }
}
