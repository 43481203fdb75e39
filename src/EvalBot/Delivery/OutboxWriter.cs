using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Delivery;

/// <summary>
/// Adds messages to the outbox inside the caller's unit of work; nothing is sent until that work commits.
/// </summary>
public sealed class OutboxWriter(EvalBotDbContext db, TimeProvider time)
{
    public void Enqueue(string dedupeKey, string kind, string serviceUrl, string conversationId, JsonObject activity, string? replyToId, string? updateActivityId)
    {
        var now = time.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            DedupeKey = dedupeKey,
            Kind = kind,
            ServiceUrl = serviceUrl,
            ConversationId = conversationId,
            ReplyToId = replyToId,
            UpdateActivityId = updateActivityId,
            ActivityJson = JsonSerializer.Serialize(activity, ProtocolJson.Options),
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }

    /// <summary>Queues the message unless one with the same key was ever queued (sent or not). Returns whether it was queued.</summary>
    public async Task<bool> EnqueueOnceAsync(string dedupeKey, string kind, string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        if (db.Outbox.Local.Any(o => o.DedupeKey == dedupeKey) || await db.Outbox.AnyAsync(o => o.DedupeKey == dedupeKey, cancellationToken))
        {
            return false;
        }

        Enqueue(dedupeKey, kind, serviceUrl, conversationId, activity, replyToId: null, updateActivityId: null);
        return true;
    }
}
