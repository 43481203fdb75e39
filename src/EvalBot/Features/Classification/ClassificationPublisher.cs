using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// Notice and publication after a decision (Law 80 Art. 26.2): a publication row per decided version and, once per
/// version, the result card to the person with the why; a KHT opens its follow-ups (rule 30, <see cref="FollowUpLedger"/>).
/// </summary>
public sealed class ClassificationPublisher(EvalBotDbContext db, ResultCard card, OutboxWriter outbox, ProactiveAddressing addressing, FollowUpLedger followUps, TimeProvider time)
{
    public async Task PublishAsync(IEnumerable<ClassificationRecord> decided, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decided);
        foreach (var row in decided.Where(r => r.State == ClassificationState.Decided))
        {
            if (db.Set<ClassificationPublication>().Local.Any(p => p.RecordId == row.Id)
                || await db.Set<ClassificationPublication>().AnyAsync(p => p.RecordId == row.Id, ct))
            {
                continue;
            }

            db.Add(new ClassificationPublication { RecordId = row.Id, PublishedAt = row.DecidedAt ?? time.GetUtcNow() });
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == row.PersonId, ct);

            // Rule 30: a decided KHT opens the dismissal decision (civil servants) and the removal (leaders) for the head.
            if (row.Level is { } level) await followUps.OpenForAnnualLevelAsync(person, row.Year, (Domain.Level)level, row.DecidedAt ?? time.GetUtcNow(), ct);
            if (await addressing.ForAsync(person, null, null, ct) is not { } to) continue;
            var language = person.MessageLanguage();
            await outbox.EnqueueToPersonAsync($"classification.result:{row.Id}", "classification.result", to, TurnContext.CardMessage(card.Render(row, person, language)), ct);
        }
    }
}
