using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// Sends each head the decision card of the list they decide, proactively. The dedupe key carries a fingerprint of the
/// list, so an unchanged re-compile sends nothing and a changed one sends the new list once. The organisation board
/// gets the list whose decider is above the register (the top heads).
/// </summary>
public sealed class DecisionNotices(EvalBotDbContext db, DecisionCard card, CardTemplates templates, OutboxWriter outbox, ProactiveAddressing addressing)
{
    /// <summary>Queues the card to every decider with undecided rows. With a reminder key, sends the reminder once per key instead.</summary>
    public Task<int> SendDecisionCardsAsync(int year, (string Key, string TextKey, string Deadline)? reminder, CancellationToken ct) =>
        SendDecisionCardsAsync(year, reminder, null, ct);

    /// <summary>As above, with the year's current rows when the caller has just read them (the compile).</summary>
    public async Task<int> SendDecisionCardsAsync(int year, (string Key, string TextKey, string Deadline)? reminder, List<ClassificationRecord>? current, CancellationToken ct)
    {
        // The year is read once; every list's card is rendered from that snapshot (a province has thousands of lists).
        var snapshot = await card.SnapshotAsync(year, current, ct);
        var queued = 0;
        foreach (var list in snapshot.Current.GroupBy(r => r.DeciderPersonId).Where(g => g.Any(r => r.State == ClassificationState.Draft)))
        {
            var recipients = list.Key is { } id
                ? await db.People.Where(p => p.Id == id && p.IsActive).ToListAsync(ct)
                : await db.People.Where(p => p.IsOrganisationBoard && p.IsActive).ToListAsync(ct);
            var fingerprint = Fingerprint(list);
            foreach (var person in recipients)
            {
                if (await addressing.ForAsync(person, null, null, ct) is not { } to) continue;
                var language = person.MessageLanguage();
                var notice = reminder is { } r ? new TextTable(templates, language).Format(r.TextKey, year, r.Deadline) : null;
                var key = reminder is { } rk
                    ? $"classification.reminder:{year}:{list.Key?.ToString(CultureInfo.InvariantCulture) ?? "board"}:{person.Id}:{rk.Key}"
                    : $"classification.decision:{year}:{list.Key?.ToString(CultureInfo.InvariantCulture) ?? "board"}:{person.Id}:{fingerprint}";
                var rendered = card.Render(list.Key, year, language, notice, snapshot);
                if (await outbox.EnqueueToPersonAsync(key, "classification.decision", to with { PersonId = person.Id }, TurnContext.CardMessage(rendered), ct))
                {
                    queued++;
                }
            }
        }

        return queued;
    }

    private static string Fingerprint(IEnumerable<ClassificationRecord> rows)
    {
        var text = string.Join(";", rows.OrderBy(r => r.Id).Select(r => FormattableString.Invariant($"{r.Id}:{r.Version}:{r.Level}:{r.Outcome}:{r.Score}:{r.State}")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
