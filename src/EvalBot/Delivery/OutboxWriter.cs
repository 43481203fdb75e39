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

    // The size at which rows saved or let go are next dropped from _added. A unit of work that queues in slices (saving
    // and clearing its context after each, as the compile's 100,000 invitations do) would otherwise hold every card it
    // ever queued until it ends.
    private int _pruneAt = PruneFloor;

    private const int PruneFloor = 256;

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
    public void EnqueueToPerson(string dedupeKey, string kind, ProactiveRecipient recipient, string activityJson, DateTimeOffset? now = null) =>
        Track(ToPerson(dedupeKey, kind, recipient, activityJson, now));

    /// <summary>A message to a person's personal chat, built and not queued: for <see cref="InsertAsync"/>.</summary>
    public OutboxMessage ToPerson(string dedupeKey, string kind, ProactiveRecipient recipient, string activityJson, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var at = now ?? time.GetUtcNow();
        return new OutboxMessage
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
        };
    }

    /// <summary>
    /// Writes many messages now, in the caller's transaction or in one of their own, for the sender to send: one prepared
    /// insert where the provider allows it, otherwise a save. For batches of campaign size (the compile's self-assessment
    /// invitations), where a save through the change tracker costs several times more. None is claimed for a turn or left
    /// tracked. A key already in the outbox fails the unique index, as a save would: leave those out first.
    /// </summary>
    public async Task InsertAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        using (var inserter = RowInserter<OutboxMessage>.TryCreate(db))
        {
            if (inserter is not null)
            {
                await inserter.InsertAsync(rows, cancellationToken);
            }
            else
            {
                db.Outbox.AddRange(rows);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
            }
        }

        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
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
        if (_added.Count >= _pruneAt) Prune();
        db.Outbox.Add(message);
        _added[message.DedupeKey] = message;
    }

    /// <summary>
    /// Drops the rows that are no longer waiting to be inserted: saved ones are found by the database look-up from now on,
    /// and neither they nor rows let go can be claimed for a turn. Amortised: the next prune waits for twice the rows kept.
    /// </summary>
    private void Prune()
    {
        foreach (var (key, row) in _added)
        {
            if (db.Entry(row).State != EntityState.Added) _added.Remove(key);
        }

        _pruneAt = Math.Max(PruneFloor, 2 * _added.Count);
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
