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
    private readonly OutboxClaims _claims = new(scopes, throttle, time, options);
    private readonly RecipientConversations _conversations = new(connector, time);

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
                    claimed = free > 0 ? await _claims.ClaimAsync(free, stoppingToken) : [];
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

    private async ValueTask SendOneAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        db.Outbox.Attach(row);
        var activity = JsonNode.Parse(row.ActivityJson)!.AsObject();
        try
        {
            var conversationId = await StartSendAsync(db, row, cancellationToken);
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
            await MarkFailedAsync(db, row, ex, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            MarkForRetry(row, ex);
        }

        row.LeaseOwner = null;
        row.LeaseUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The conversation to post in, once the send is marked as started (committed before the call).</summary>
    private async Task<string> StartSendAsync(EvalBotDbContext db, OutboxMessage row, CancellationToken cancellationToken)
    {
        if (row is { SendStartedAt: not null, ConversationId: { } started })
        {
            // Marked as sending when it was claimed: its conversation had room.
            return started;
        }

        var conversationId = await _conversations.ResolveAsync(db, row, cancellationToken);

        // The wait comes before the mark: a crash while waiting leaves a row that was never sent, and it is resent.
        await throttle.WaitForConversationAsync(conversationId, cancellationToken);
        row.SendStartedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return conversationId;
    }

    /// <summary>Teams refused the message for good: the row fails, and its conversation keeps the reason.</summary>
    private async Task MarkFailedAsync(EvalBotDbContext db, OutboxMessage row, ConnectorException ex, CancellationToken cancellationToken)
    {
        row.Status = OutboxStatus.Failed;
        row.LastStatusCode = (int)ex.StatusCode;
        row.LastError = $"{ex.Code}: {ex.Message}";
        if (row.ConversationId is not null)
        {
            await _conversations.RecordPermanentFailureAsync(db, row.ConversationId, ex, cancellationToken);
        }

        LogPermanentFailure(logger, row.Id, (int)ex.StatusCode, ex.Code);
    }

    /// <summary>A transient failure: back in the queue after an exponential backoff, or failed after the last attempt.</summary>
    private void MarkForRetry(OutboxMessage row, Exception ex)
    {
        row.LastStatusCode = (ex as ConnectorException)?.StatusCode is { } status ? (int)status : null;
        row.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
        var finalAttempt = row.Attempts >= options.Value.MaxAttempts;
        row.Status = finalAttempt ? OutboxStatus.Failed : OutboxStatus.Pending;
        row.SendStartedAt = null;
        row.NextAttemptAt = time.GetUtcNow() + (options.Value.RetryBackoff * Math.Pow(2, Math.Min(row.Attempts - 1, 6)));
        LogTransientFailure(logger, row.Id, row.Attempts, finalAttempt);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Outbox message {Id} failed permanently with {Status} {Code}")]
    private static partial void LogPermanentFailure(ILogger logger, long id, int status, string code);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Outbox message {Id} failed on attempt {Attempt}; final: {Final}")]
    private static partial void LogTransientFailure(ILogger logger, long id, int attempt, bool final);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "The outbox loop failed; retrying after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
