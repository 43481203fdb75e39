using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Delivery;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Party;

/// <summary>A rating waiting for a step: its year and deadline, who holds the step (null: the board), its subject's name.</summary>
public sealed record PartyPending(int Year, DateOnly Deadline, long? Holder, string Name, PartyRatingStep Step);

/// <summary>
/// The Party review's deadline (rule 27: 31 December, <see cref="PartyOptions.Deadline"/>): on each of
/// <see cref="PartyOptions.ReminderDaysBefore"/>, every person holding a pending step (a self-rating, a verification, a
/// decision) gets one card listing what waits for them; from the day after the deadline, once a week, they get it as
/// overdue and the organisation board gets the whole list of overdue ratings with who holds each. Names and steps only.
/// Once per person and day, whatever the retries.
/// </summary>
public sealed class PartyReminders(EvalBotDbContext db, PartyDirectory directory, CardTemplates templates, OutboxWriter outbox, ProactiveAddressing addressing,
    OrganisationClock clock, IOptions<PartyOptions> options)
{
    /// <summary>Queues the day's reminders; returns how many cards were queued.</summary>
    public async Task<int> RemindAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = clock.Today(now);
        var pending = await db.PartyRatings.AsNoTracking()
            .Where(r => r.Step == PartyRatingStep.Open || r.Step == PartyRatingStep.SelfRated || r.Step == PartyRatingStep.Verified).ToListAsync(ct);
        var queued = 0;
        foreach (var group in (await PendingAsync(pending, ct)).GroupBy(p => (p.Year, p.Deadline)))
        {
            var (year, deadline) = group.Key;
            var days = deadline.DayNumber - today.DayNumber;
            var overdue = days < 0 && -days % 7 == 1;
            if (!overdue && !options.Value.ReminderDaysBefore.Contains(days)) continue;
            queued += await SendAsync(year, deadline, days, [.. group.Select(p => (p.Holder, p.Name, p.Step))], now, ct);
        }

        return queued;
    }

    /// <summary>Every pending rating with its deadline (a special unit's is later) and who holds its step now.</summary>
    public async Task<List<PartyPending>> PendingAsync(IEnumerable<PartyRating> pending, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var list = new List<PartyPending>();
        foreach (var rating in pending)
        {
            var subject = await directory.SubjectAsync(rating, ct);
            var holder = rating.Step switch
            {
                PartyRatingStep.Open => subject.SelfRaterId,
                PartyRatingStep.SelfRated => await directory.VerifierAsync(subject, ct),
                _ => await directory.DeciderAsync(subject, ct),
            };
            list.Add(new PartyPending(rating.Year, await directory.DeadlineAsync(subject, ct), holder, subject.Name, rating.Step));
        }

        return list;
    }

    private async Task<int> SendAsync(int year, DateOnly deadline, int days, List<(long? Holder, string Name, PartyRatingStep Step)> waiting, DateTimeOffset now, CancellationToken ct)
    {
        var board = await db.People.Where(p => p.IsOrganisationBoard && p.IsActive).ToListAsync(ct);
        var holderIds = waiting.Where(w => w.Holder is not null).Select(w => w.Holder!.Value).Distinct().ToList();
        var holders = await db.People.Where(p => holderIds.Contains(p.Id) && p.IsActive).ToDictionaryAsync(p => p.Id, ct);
        var queued = 0;
        foreach (var person in holders.Values.Concat(board).DistinctBy(p => p.Id))
        {
            // A holder sees what waits for them; the board (who holds what no organisation names) also, after the deadline, everything overdue.
            var mine = waiting.Where(w => w.Holder == person.Id || (w.Holder is null && person.IsOrganisationBoard)).ToList();
            var all = days < 0 && person.IsOrganisationBoard;
            if (mine.Count == 0 && !all) continue;
            if (await addressing.ForAsync(person, null, null, ct) is not { } to) continue;
            var language = person.MessageLanguage();
            var card = Render(year, deadline, days, all ? waiting : mine, all ? holders : null, language);
            var key = FormattableString.Invariant($"party.remind:{year}:{person.Id}:{clock.Today(now):yyyy-MM-dd}");
            if (await outbox.EnqueueToPersonAsync(key, "party.remind", to with { PersonId = person.Id }, Conversation.TurnContext.CardMessage(card), ct, now)) queued++;
        }

        return queued;
    }

    /// <summary>The digest: each rating and the step waiting; with <paramref name="holders"/>, who holds it.</summary>
    private JsonObject Render(int year, DateOnly deadline, int days, List<(long? Holder, string Name, PartyRatingStep Step)> rows, Dictionary<long, Person>? holders, string language)
    {
        var text = new TextTable(templates, language);
        var y = year.ToString(CultureInfo.InvariantCulture);
        var title = days < 0 ? text.Format("partyRemindOverdueTitle", y, TextTable.Date(deadline)) : text.Format("partyRemindTitle", y, TextTable.Date(deadline), days);
        string Step(PartyRatingStep step) => text[step switch { PartyRatingStep.Open => "partyRemindSelf", PartyRatingStep.SelfRated => "partyRemindVerify", _ => "partyRemindDecide" }];
        string Value((long? Holder, string Name, PartyRatingStep Step) w) => holders is null
            ? Step(w.Step)
            : text.Format("partyRemindHeldBy", Step(w.Step), w.Holder is { } h && holders.TryGetValue(h, out var p) ? p.FullName : text["partyRemindBoard"]);
        var data = new JsonObject
        {
            ["title"] = title,
            ["status"] = text.Format(holders is null ? "partyRemindStatus" : "partyRemindBoardStatus", rows.Count, y),
            ["nameHeader"] = text["partyListName"],
            ["valueHeader"] = text["partyRemindStep"],
            ["rows"] = new JsonArray([.. rows.OrderBy(w => w.Step).ThenBy(w => w.Name, StringComparer.Ordinal).Take(50)
                .Select(w => (JsonNode)new JsonObject { ["name"] = CardText.Plain(w.Name), ["level"] = CardText.Plain(Value(w)) })]),
            ["counts"] = text.More(Math.Max(0, rows.Count - 50)),
            ["footer"] = text.Format("partyRemindFooter", y),
        };
        return templates.Render("party-list", data, language);
    }
}
