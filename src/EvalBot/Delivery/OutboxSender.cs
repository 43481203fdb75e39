using System.Net;
using System.Text.Json.Nodes;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Delivery;

/// <summary>
/// Delivers outbox rows to Teams. Each row is claimed (state Sending, with a lease) and committed before the HTTP call,
/// then marked Sent or Failed. A row still Sending when its lease expires was cut off by a crash mid-call: Teams may
/// or may not have shown it, so it is marked failed rather than risk a duplicate prompt.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IConnectorClient connector,
    OutboxSignal signal,
    DeliveryThrottle throttle,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private DateTimeOffset _lastRecovery = DateTimeOffset.MinValue;

    /// <summary>
    /// Keeps up to <see cref="DeliveryOptions.Concurrency"/> sends in flight: a row is claimed as soon as a send ends,
    /// so the pace is the throttle's, never a batch's slowest call. With nothing due it sleeps until a commit wakes it
    /// or the poll interval passes.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new List<Task>();
        Task<bool>? wake = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                var free = options.Value.Concurrency - inFlight.Count;
                List<OutboxMessage> claimed;
                try
                {
                    claimed = free > 0 ? await ClaimAsync(free, stoppingToken) : [];
                }
                catch (Exception ex) when (IsLoopFailure(ex))
                {
                    LogLoopFailed(logger, ex);
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                    continue;
                }

                inFlight.AddRange(claimed.Select(row => SendGuardedAsync(row, stoppingToken)));
                if (inFlight.Count >= options.Value.Concurrency)
                {
                    await Task.WhenAny(inFlight);
                    continue;
                }

                if (claimed.Count > 0)
                {
                    continue;
                }

                // Nothing due: wait for a send to end, a commit's signal or the poll interval. The pending wait is kept
                // across rounds, so a signal given while sends were ending is never lost.
                wake ??= signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                var woken = await Task.WhenAny([.. inFlight, wake]);
                if (woken == wake)
                {
                    wake = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(inFlight);
    }

    private static bool IsLoopFailure(Exception ex) =>
        ex is DbUpdateException or InvalidOperationException or TimeoutException or System.Data.Common.DbException;

    private async Task SendGuardedAsync(OutboxMessage row, CancellationToken stoppingToken)
    {
        try
        {
            await SendOneAsync(row, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-send: the lease decides what happens to the row.
        }
        catch (Exception ex) when (IsLoopFailure(ex))
        {
            LogLoopFailed(logger, ex);
        }
    }

    /// <summary>
    /// Claims up to <paramref name="wanted"/> due rows, the longest due first: the order of the (Status, NextAttemptAt)
    /// index, so a claim reads only the rows it takes even with a whole province queued. Those addressed to a known
    /// conversation with room in its windows are marked as sending in the same commit, since their call starts at once:
    /// one commit per batch instead of one per message. The others are marked one by one, once their wait is over.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(int wanted, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        var now = time.GetUtcNow();

        // No more rows are claimed than can be sent at once, so every row marked Sending really is in flight: a crash
        // cuts off at most Concurrency messages, never claimed rows that were still waiting for their turn.
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

    private async ValueTask SendOneAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        db.Outbox.Attach(row);
        var activity = JsonNode.Parse(row.ActivityJson)!.AsObject();
        try
        {
            string conversationId;
            if (row is { SendStartedAt: not null, ConversationId: { } started })
            {
                // Marked as sending when it was claimed: its conversation had room.
                conversationId = started;
            }
            else
            {
                conversationId = await ResolveConversationAsync(db, row, cancellationToken);

                // The wait comes before the mark: a crash while waiting leaves a row that was never sent, and it is resent.
                await throttle.WaitForConversationAsync(conversationId, cancellationToken);
                row.SendStartedAt = time.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
            }

            row.SentActivityId = row switch
            {
                { UpdateActivityId: { } update } => await connector.UpdateActivityAsync(row.ServiceUrl, conversationId, update, activity, cancellationToken),
                { ReplyToId: { } replyTo } => await connector.ReplyToActivityAsync(row.ServiceUrl, conversationId, replyTo, activity, cancellationToken),
                _ => await connector.SendToConversationAsync(row.ServiceUrl, conversationId, activity, cancellationToken),
            };
            row.Status = OutboxStatus.Sent;
            row.SentAt = time.GetUtcNow();
            row.LastError = null;
        }
        catch (ConnectorException ex) when (ex.IsPermanent)
        {
            row.Status = OutboxStatus.Failed;
            row.LastStatusCode = (int)ex.StatusCode;
            row.LastError = $"{ex.Code}: {ex.Message}";
            if (row.ConversationId is not null)
            {
                await RecordPermanentFailureAsync(db, row.ConversationId, ex, cancellationToken);
            }

            LogPermanentFailure(logger, row.Id, (int)ex.StatusCode, ex.Code);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            row.LastStatusCode = (ex as ConnectorException)?.StatusCode is { } status ? (int)status : null;
            row.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            var finalAttempt = row.Attempts >= options.Value.MaxAttempts;
            row.Status = finalAttempt ? OutboxStatus.Failed : OutboxStatus.Pending;
            row.SendStartedAt = null;
            row.NextAttemptAt = time.GetUtcNow() + (options.Value.RetryBackoff * Math.Pow(2, Math.Min(row.Attempts - 1, 6)));
            LogTransientFailure(logger, row.Id, row.Attempts, finalAttempt);
        }

        row.LeaseOwner = null;
        row.LeaseUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// The conversation to post in. A proactive message to someone without one uses the personal chat the bot already
    /// has with them, or creates it (the app must be installed for that user) and remembers it.
    /// </summary>
    private async Task<string> ResolveConversationAsync(EvalBotDbContext db, OutboxMessage row, CancellationToken cancellationToken)
    {
        if (row.ConversationId is { } known)
        {
            return known;
        }

        var recipient = row.RecipientAadObjectId ?? throw new InvalidOperationException($"Outbox message {row.Id} has neither a conversation nor a recipient.");
        var existing = await db.ConversationReferences
            .Where(c => c.UserAadObjectId == recipient && c.IsActive && (c.ConversationType == null || c.ConversationType == "personal"))
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            row.ConversationId = existing.ConversationId;
            row.ServiceUrl = existing.ServiceUrl;
            return existing.ConversationId;
        }

        var botId = row.BotId ?? throw new InvalidOperationException($"Outbox message {row.Id} has no bot account to create a conversation with.");
        var tenantId = row.TenantId ?? throw new InvalidOperationException($"Outbox message {row.Id} has no tenant to create a conversation in.");
        // Marked while the chat is created: a crash mid-call fails the row rather than risk a second chat or prompt.
        row.SendStartedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var created = await connector.CreatePersonalConversationAsync(row.ServiceUrl, new CreateConversation(botId, recipient, tenantId), cancellationToken);
        var now = time.GetUtcNow();
        if (!await db.ConversationReferences.AnyAsync(c => c.ConversationId == created, cancellationToken))
        {
            db.ConversationReferences.Add(new ConversationReference
            {
                ConversationId = created,
                ServiceUrl = row.ServiceUrl,
                ChannelId = "msteams",
                ConversationType = "personal",
                TenantId = tenantId,
                BotId = botId,
                UserAadObjectId = recipient,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        // The chat is known from now on: a crash before the message itself is sent leaves a row that is simply resent.
        row.ConversationId = created;
        row.SendStartedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    private async Task RecordPermanentFailureAsync(EvalBotDbContext db, string conversationId, ConnectorException ex, CancellationToken cancellationToken)
    {
        var reference = await db.ConversationReferences.SingleOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
        if (reference is null)
        {
            return;
        }

        reference.LastFailureStatus = (int)ex.StatusCode;
        reference.LastFailureCode = ex.Code;
        reference.LastFailureAt = time.GetUtcNow();
        if (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // Blocked, uninstalled or gone: stop prompting this conversation until the user comes back.
            reference.IsActive = false;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Outbox message {Id} failed permanently with {Status} {Code}")]
    private static partial void LogPermanentFailure(ILogger logger, long id, int status, string code);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Outbox message {Id} failed on attempt {Attempt}; final: {Final}")]
    private static partial void LogTransientFailure(ILogger logger, long id, int attempt, bool final);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "The outbox loop failed; retrying after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
