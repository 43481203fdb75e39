using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Delivery;

/// <summary>
/// Adds messages to the outbox inside the caller's unit of work; nothing is sent until that work commits.
/// </summary>
public sealed class OutboxWriter(EvalBotDbContext db, TimeProvider time, DeliveryThrottle throttle, OutboxInstance instance, IOptions<DeliveryOptions> options)
{
    // Rows this writer added, by key: asking the change tracker for its local rows would scan every tracked entity on
    // each call, which made queuing a campaign batch quadratic.
    private readonly Dictionary<string, OutboxMessage> _added = new(StringComparer.Ordinal);

    /// <summary>
    /// Queues a message in a conversation. <paramref name="now"/> is the moment of the turn or job that queues it (the
    /// clock's when not given): a row is stamped with the time its work started, like everything else that work writes.
    /// </summary>
    public void Enqueue(string dedupeKey, string kind, string serviceUrl, string conversationId, JsonObject activity, string? replyToId, string? updateActivityId, DateTimeOffset? now = null) =>
        Enqueue(dedupeKey, kind, serviceUrl, conversationId, JsonSerializer.Serialize(activity, ProtocolJson.Options), replyToId, updateActivityId, now);

    /// <summary>Queues a message already serialized (<paramref name="activityJson"/>, stored and sent as it is).</summary>
    public void Enqueue(string dedupeKey, string kind, string serviceUrl, string conversationId, string activityJson, string? replyToId, string? updateActivityId, DateTimeOffset? now = null)
    {
        var at = now ?? time.GetUtcNow();
        Track(new OutboxMessage
        {
            DedupeKey = dedupeKey,
            Kind = kind,
            ServiceUrl = serviceUrl,
            ConversationId = conversationId,
            ReplyToId = replyToId,
            UpdateActivityId = updateActivityId,
            ActivityJson = activityJson,
            Status = OutboxStatus.Pending,
            NextAttemptAt = at,
            CreatedAt = at,
        });
    }

    /// <summary>
    /// Queues a proactive message to a person: into the personal chat the bot has with them, or a new one created by
    /// the sender (the app must be installed for them). Nothing is queued twice for the same key.
    /// </summary>
    public async Task<bool> EnqueueToPersonAsync(string dedupeKey, string kind, ProactiveRecipient recipient, JsonObject activity, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (IsTracked(dedupeKey) || await db.Outbox.AnyAsync(o => o.DedupeKey == dedupeKey, cancellationToken))
        {
            return false;
        }

        EnqueueToPerson(dedupeKey, kind, recipient, activity, now);
        return true;
    }

    /// <summary>
    /// Queues a message to a person's personal chat under a key unique to the caller's turn (no look-up for an earlier
    /// row): a reply that must not be written where it was asked.
    /// </summary>
    public void EnqueueToPerson(string dedupeKey, string kind, ProactiveRecipient recipient, JsonObject activity, DateTimeOffset? now = null) =>
        EnqueueToPerson(dedupeKey, kind, recipient, JsonSerializer.Serialize(activity, ProtocolJson.Options), now);

    /// <summary>Queues a message already serialized to a person's personal chat, as <see cref="EnqueueToPerson(string, string, ProactiveRecipient, JsonObject, DateTimeOffset?)"/>.</summary>
    public void EnqueueToPerson(string dedupeKey, string kind, ProactiveRecipient recipient, string activityJson, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var at = now ?? time.GetUtcNow();
        Track(new OutboxMessage
        {
            DedupeKey = dedupeKey,
            Kind = kind,
            ServiceUrl = recipient.ServiceUrl,
            RecipientAadObjectId = recipient.AadObjectId,
            TenantId = recipient.TenantId,
            BotId = recipient.BotId,
            PersonId = recipient.PersonId,
            Period = recipient.Period,
            ActivityJson = activityJson,
            Status = OutboxStatus.Pending,
            NextAttemptAt = recipient.NotBefore ?? at,
            CreatedAt = at,
        });
    }

    /// <summary>
    /// Queues the message (or, with <paramref name="updateActivityId"/>, an update of a message sent earlier) unless one
    /// with the same key was ever queued (sent or not). Returns whether it was queued.
    /// </summary>
    public async Task<bool> EnqueueOnceAsync(string dedupeKey, string kind, string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken, string? updateActivityId = null, DateTimeOffset? now = null)
    {
        if (IsTracked(dedupeKey) || await db.Outbox.AnyAsync(o => o.DedupeKey == dedupeKey, cancellationToken))
        {
            return false;
        }

        Enqueue(dedupeKey, kind, serviceUrl, conversationId, activity, replyToId: null, updateActivityId: updateActivityId, now);
        return true;
    }

    /// <summary>
    /// Claims, in the caller's unit of work, the rows it added that can be sent as soon as it commits: due now, to a
    /// known conversation whose windows have room (reserved here). They are written Sending, under this instance's
    /// lease, already started, and the caller sends them after its commit (<see cref="TurnDelivery"/>); the others wait
    /// for the sender, and the claim says whether there are any, so the sender is woken only when it has work. None is
    /// claimed with <see cref="DeliveryOptions.SendFromTurn"/> off.
    /// </summary>
    public TurnClaim ClaimForTurn(DateTimeOffset now)
    {
        var claimed = new List<OutboxMessage>();
        var left = false;
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in _added.Values.OrderBy(r => r.CreatedAt))
        {
            if (db.Entry(row).State != EntityState.Added)
            {
                continue;
            }

            if (!options.Value.SendFromTurn || row is not { Status: OutboxStatus.Pending, ConversationId: { } conversation } || row.NextAttemptAt > now)
            {
                left = true;
                continue;
            }

            // Once one message of a conversation has to wait, the ones after it wait too, so they keep their order.
            if (waiting.Contains(conversation) || !throttle.ReserveConversation(conversation).Reserved)
            {
                waiting.Add(conversation);
                left = true;
                continue;
            }

            row.Status = OutboxStatus.Sending;
            row.LeaseOwner = instance.Name;
            row.LeaseUntil = now + options.Value.Lease;
            row.Attempts = 1;
            row.SendStartedAt = now;
            claimed.Add(row);
        }

        return new TurnClaim(claimed, left);
    }

    private void Track(OutboxMessage message)
    {
        db.Outbox.Add(message);
        _added[message.DedupeKey] = message;
    }

    /// <summary>Whether a row with this key was added in the current unit of work (and not cleared since).</summary>
    private bool IsTracked(string dedupeKey)
    {
        if (!_added.TryGetValue(dedupeKey, out var message))
        {
            return false;
        }

        if (db.Entry(message).State != EntityState.Detached)
        {
            return true;
        }

        _added.Remove(dedupeKey);
        return false;
    }
}

/// <summary>Who a proactive message is for and how to reach them; <see cref="NotBefore"/> delays it (working hours, leave).</summary>
public sealed record ProactiveRecipient(string AadObjectId, string TenantId, string BotId, string ServiceUrl, long? PersonId = null, string? Period = null, DateTimeOffset? NotBefore = null);

/// <summary>
/// What a unit of work's commit hands on: the rows it sends itself (<see cref="Direct"/>), and whether it queued others
/// that only the sender's loop will send (due later, or to a conversation without room).
/// </summary>
public sealed record TurnClaim(IReadOnlyList<OutboxMessage> Direct, bool LeftForSender);
