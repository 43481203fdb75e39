using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Delivery;

/// <summary>
/// How the outbox sender takes rows to send: a claim marks them Sending under a lease held by this instance, and rows
/// whose lease ran out are recovered first. One per sender: it owns the lease owner's name and the time of the last
/// recovery.
/// </summary>
internal sealed class OutboxClaims(IServiceScopeFactory scopes, DeliveryThrottle throttle, OutboxInstance instance, TimeProvider time, IOptions<DeliveryOptions> options)
{
    private readonly string _instance = instance.Name;
    private DateTimeOffset _lastRecovery = DateTimeOffset.MinValue;

    /// <summary>
    /// Claims up to <paramref name="wanted"/> due rows, the longest due first: the order of the (Status, NextAttemptAt)
    /// index, so a claim reads only the rows it takes even with a whole province queued. Those addressed to a known
    /// conversation with room in its windows are marked as sending in the same commit, since their call starts at once:
    /// one commit per batch instead of one per message. The others are marked one by one, once their wait is over.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimAsync(int wanted, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var now = time.GetUtcNow();

        // No more rows are claimed than can be sent at once, so every row marked Sending really is in flight: a crash
        // cuts off at most MaxConcurrency messages, never claimed rows that were still waiting for their turn.
        var batch = Math.Min(options.Value.BatchSize, wanted);
        if (now - _lastRecovery >= options.Value.RecoveryInterval || now < _lastRecovery)
        {
            _lastRecovery = now;
            await RecoverAsync(db, now, cancellationToken);
        }

        return db.Database.IsNpgsql()
            ? await ClaimWithRowLocksAsync(db, now, batch, cancellationToken)
            : await ClaimInProcessAsync(db, now, batch, cancellationToken);
    }

    private bool CanStartNow(OutboxMessage row) => row.ConversationId is { } conversation && throttle.ReserveConversation(conversation).Reserved;

    /// <summary>Rows whose lease ran out: back in the queue if their send never started, failed if it was cut off.</summary>
    private static async Task RecoverAsync(EvalBotDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Claimed by an instance that stopped before sending: back in the queue.
        await db.Outbox
            .Where(o => o.Status == OutboxStatus.Sending && o.LeaseUntil < now && o.SendStartedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(o => o.Status, OutboxStatus.Pending)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken);

        // Cut off during the HTTP call: Teams may have shown it, so it is not sent again.
        await db.Outbox
            .Where(o => o.Status == OutboxStatus.Sending && o.LeaseUntil < now && o.SendStartedAt != null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(o => o.Status, OutboxStatus.Failed)
                .SetProperty(o => o.LastError, "Interrupted while sending; not resent so that nobody receives it twice."), cancellationToken);
    }

    /// <summary>
    /// PostgreSQL, several instances: one statement claims a batch, skipping rows another instance has locked, so two
    /// instances never claim the same row.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimWithRowLocksAsync(EvalBotDbContext db, DateTimeOffset now, int batch, CancellationToken cancellationToken)
    {
        var leaseUntil = now + options.Value.Lease;
        var claimed = await db.Database.SqlQuery<long>($"""
            UPDATE outbox SET "Status" = 1, "LeaseOwner" = {_instance}, "LeaseUntil" = {leaseUntil}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM outbox
                WHERE "Status" = 0 AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt", "Id" LIMIT {batch}
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return [];
        }

        var rows = await db.Outbox.Where(o => claimed.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(CanStartNow))
        {
            row.SendStartedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return rows;
    }

    /// <summary>SQLite, one process: writes are serialised by the database, and only this loop claims rows.</summary>
    private async Task<List<OutboxMessage>> ClaimInProcessAsync(EvalBotDbContext db, DateTimeOffset now, int batch, CancellationToken cancellationToken)
    {
        var rows = await db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now)
            .OrderBy(o => o.NextAttemptAt).ThenBy(o => o.Id)
            .Take(batch)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Status = OutboxStatus.Sending;
            row.LeaseOwner = _instance;
            row.LeaseUntil = now + options.Value.Lease;
            row.Attempts++;
            if (CanStartNow(row))
            {
                row.SendStartedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return rows;
    }
}
