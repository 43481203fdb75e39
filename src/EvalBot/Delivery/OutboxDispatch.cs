using System.Text.Json.Nodes;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.Extensions.Options;

namespace EvalBot.Delivery;

/// <summary>
/// Sends one claimed outbox row to Teams and settles it: delivered rows go to <see cref="SentMarks"/> (many marks in
/// one commit), failures are written at once. Shared by the outbox sender's loop and a turn's own replies.
/// </summary>
public sealed partial class OutboxDispatch(
    IServiceScopeFactory scopes,
    IConnectorClient connector,
    DeliveryThrottle throttle,
    SentMarks marks,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDispatch> logger)
{
    private readonly RecipientConversations _conversations = new(connector, time);

    /// <summary>Sends the row. A row already marked as started (its conversation had room when it was claimed) needs no database work before the call.</summary>
    public async Task SendAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var conversationId = row is { SendStartedAt: not null, ConversationId: { } started } ? started : await StartSendAsync(row, cancellationToken);
            // The activity goes out as the outbox stored it; only an update, which names the message it replaces, is rewritten.
            row.SentActivityId = row switch
            {
                { UpdateActivityId: { } update } => await connector.UpdateActivityAsync(row.ServiceUrl, conversationId, update, JsonNode.Parse(row.ActivityJson)!.AsObject(), cancellationToken),
                { ReplyToId: { } replyTo } => await connector.ReplyToActivityAsync(row.ServiceUrl, conversationId, replyTo, row.ActivityJson, cancellationToken),
                _ => await connector.SendToConversationAsync(row.ServiceUrl, conversationId, row.ActivityJson, cancellationToken),
            };
            row.Status = OutboxStatus.Sent;
            row.SentAt = time.GetUtcNow();
            row.LastError = null;
            row.LeaseOwner = null;
            row.LeaseUntil = null;
            marks.Add(row);
        }
        catch (ConnectorException ex) when (ex.IsPermanent)
        {
            await SettleAsync(row, db => MarkFailedAsync(db, row, ex, cancellationToken));
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            MarkForRetry(row, ex);
            await SettleAsync(row, null);
        }
    }

    /// <summary>The conversation to post in, once the send is marked as started (committed before the call).</summary>
    private async Task<string> StartSendAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        db.Outbox.Attach(row);
        var conversationId = await _conversations.ResolveAsync(db, row, cancellationToken);

        // The wait comes before the mark: a crash while waiting leaves a row that was never sent, and it is resent.
        await throttle.WaitForConversationAsync(conversationId, cancellationToken);
        row.SendStartedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return conversationId;
    }

    /// <summary>Writes a failed send's state (and what <paramref name="more"/> records), its lease released.</summary>
    private async Task SettleAsync(OutboxMessage row, Func<EvalBotDbContext, Task>? more)
    {
        row.LeaseOwner = null;
        row.LeaseUntil = null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        OutboxRows.AttachDeliveryState(db, row);
        if (more is not null)
        {
            await more(db);
        }

        await db.SaveChangesAsync(CancellationToken.None);
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
}
