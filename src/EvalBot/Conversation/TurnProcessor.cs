using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Delivery;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Conversation;

/// <summary>
/// Runs one authenticated activity as a unit of work: refresh the conversation reference, skip a redelivered activity,
/// route it, and commit its effects, its replies (outbox) and the "processed" mark in one transaction; then send the
/// replies that can go at once.
/// </summary>
public sealed partial class TurnProcessor(
    EvalBotDbContext db,
    ConversationReferences references,
    OrganisationTenant tenant,
    OutboxWriter outbox,
    OutboxSignal signal,
    TurnDelivery delivery,
    TurnRouter router,
    SqliteWriter writer,
    Cards.ErrorCards errors,
    TimeProvider time,
    ILogger<TurnProcessor> logger)
{
    private const int MaxAttempts = 3;

    /// <summary>The redelivery record of an activity: compiled once, asked at the start of every turn.</summary>
    private static readonly ModelQuery<string, ProcessedActivity?> ProcessedByKey =
        new((context, key) => context.ProcessedActivities.AsNoTracking().SingleOrDefault(p => p.Key == key));

    public async Task<TurnResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ConversationId"] = activity.Conversation?.Id, ["ActivityId"] = activity.Id });
        // One logical open for the whole turn: opened per query instead, each of the turn's reads would take the
        // connection from the pool and give it back, and on SQLite every open registers the provider's functions again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await ProcessOnceAsync(activity, cancellationToken);
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another instance changed the same rows, inserted the same unique row, or handled the same redelivery
                    // meanwhile: run the turn again on fresh data. A redelivery then finds its processed mark and changes
                    // nothing; a conflicting write is retried, never dropped. A real fault fails again and surfaces.
                    LogConflictRetried(logger, attempt);
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<TurnResult> ProcessOnceAsync(Activity activity, CancellationToken cancellationToken)
    {
        var key = TurnKeys.For(activity);
        // A redelivery is answered from its record without queueing for the writer. One that arrives while its first
        // delivery is being handled fails on the mark's key at the commit and runs again (ProcessAsync): it then finds
        // the mark here, and what it did is rolled back.
        if (await DoneAsync(activity, key, cancellationToken) is { } answered)
        {
            return answered;
        }

        // A turn that only reads and answers (help, summaries) reads, routes and renders first and takes the writer only
        // to commit; every other turn holds it from its first read, so what it writes follows from what it read.
        var route = router.Resolve(activity);
        SqliteWriter.Lease? write = null;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
        try
        {
            if (!route.AnswersFromReads)
            {
                write = await writer.EnterAsync(db, cancellationToken);
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            }

            var (result, now) = await RunAsync(activity, route, key, cancellationToken);
            if (now is not { } at)
            {
                return result;
            }

            write ??= await writer.EnterAsync(db, cancellationToken);
            transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
            await CommitAndSendAsync(transaction, write, at, cancellationToken);
            return result;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (write is not null)
            {
                await write.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The turn up to its commit: the refusals, the reference, the sender, the handler, the processed mark. Returns the
    /// result and the turn's moment, or no moment when the turn was refused and nothing is to be written.
    /// </summary>
    private async Task<(TurnResult Result, DateTimeOffset? Now)> RunAsync(Activity activity, TurnRoute route, string key, CancellationToken cancellationToken)
    {
        // Refused before anything is written: another organisation's tenant (or none once it is known), or someone
        // else in a person's personal chat.
        if (!await tenant.AcceptsAsync(activity.TenantId, cancellationToken))
        {
            return (new TurnResult(null, TurnRefusal.OtherTenant), null);
        }

        // The turn's one reading of the clock: everything it writes is stamped with this moment.
        var now = time.GetUtcNow();
        if (!await references.TrackAsync(activity, now, cancellationToken))
        {
            return (new TurnResult(null, TurnRefusal.NotTheOwner), null);
        }

        // The last Teams locale this sender was seen with in this conversation, for an activity that carries none.
        var seenLocale = db.ConversationReferences.Local
            .FirstOrDefault(c => c.ConversationId == activity.Conversation?.Id && c.UserAadObjectId != null && c.UserAadObjectId == activity.From?.AadObjectId)?.Locale;
        var turn = new TurnContext(activity, db, outbox, now, seenLocale, key);
        // "Me" and the language of every answer, read once before any handler runs.
        var sender = await turn.SenderAsync(cancellationToken);
        var response = await router.RouteAsync(turn, route, cancellationToken);
        // The Teams client's language is kept on the person for what is later sent to them outside a turn; an activity
        // EvalBot does not handle (an unknown invoke) teaches it nothing.
        if (sender is not null && response is not { Kind: InvokeKind.NotImplemented } && activity.EffectiveLocale is { Length: > 0 } locale
            && UserLocale.From(locale) is var seen && sender.SeenLanguage != seen)
        {
            sender.SeenLanguage = seen;
        }

        if (activity.Id is { Length: > 0 })
        {
            db.ProcessedActivities.Add(new ProcessedActivity
            {
                Key = key,
                ProcessedAt = turn.Now,
                ResponseJson = response is null || route.KeepsNoAnswerRecord ? null : JsonSerializer.Serialize(response, ProtocolJson.Options),
            });
        }

        return (new TurnResult(response), turn.Now);
    }

    /// <summary>The stored answer of an activity already handled, or null for a new one.</summary>
    private async Task<TurnResult?> DoneAsync(Activity activity, string key, CancellationToken cancellationToken)
    {
        if (activity.Id is not { Length: > 0 } || await ProcessedByKey.RunAsync(db, key, cancellationToken) is not { } done)
        {
            return null;
        }

        // A redelivery keeps its first answer, even when that very activity taught the bot something since (the owner of
        // its chat, the tenant pinned from it).
        LogDuplicate(logger, activity.Type);
        return new TurnResult(Stored(activity, done));
    }

    /// <summary>
    /// Commits the turn and passes the writer's place on; once the commit is on disk (the group sync), the replies claimed
    /// in it are sent and the turn may be acknowledged.
    /// </summary>
    private async Task CommitAndSendAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, SqliteWriter.Lease write, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = outbox.ClaimForTurn(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await write.CommittedAsync();
        foreach (var row in claim.Direct)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        delivery.Start(claim.Direct);
        // The sender's loop is woken only for rows the turn does not send itself: a help turn's reply costs it nothing.
        if (claim.LeftForSender)
        {
            signal.Notify();
        }
    }

    private InvokeResponse? Stored(Activity activity, ProcessedActivity done)
    {
        if (done.ResponseJson is null)
        {
            return activity.Type == ActivityTypes.Invoke ? InvokeResponse.Message(errors.Text(UserLocale.From(activity.EffectiveLocale), "invokeAlreadyHandled")) : null;
        }

        var stored = JsonNode.Parse(done.ResponseJson) as JsonObject;
        return stored?["body"] is JsonObject wire ? FromWire(wire) : JsonSerializer.Deserialize<InvokeResponse>(done.ResponseJson, ProtocolJson.Options);
    }

    /// <summary>A redelivery record written before answers were stored typed: <c>{status, body}</c> in the wire shape.</summary>
    private static InvokeResponse FromWire(JsonObject body) => JsonRead.Text(body, "type") switch
    {
        ActivityOutcome.CardType when body["value"] is JsonObject card => InvokeResponse.Card(card.DeepClone().AsObject()),
        ActivityOutcome.ErrorType => InvokeResponse.Error((int?)body["statusCode"] ?? 400, JsonRead.Text(JsonRead.ObjectAt(body, "value"), "code") ?? "",
            JsonRead.Text(JsonRead.ObjectAt(body, "value"), "message") ?? ""),
        _ => InvokeResponse.Message(JsonRead.Text(body, "value") ?? ""),
    };

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Concurrent write on attempt {Attempt}; the turn runs again")]
    private static partial void LogConflictRetried(ILogger logger, int attempt);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Redelivered {Type} activity ignored")]
    private static partial void LogDuplicate(ILogger logger, string? type);
}

/// <summary>Why a turn was refused before anything was written.</summary>
public enum TurnRefusal
{
    None,
    OtherTenant,
    NotTheOwner,
}

/// <summary>The outcome of one turn: the invoke answer (null for other activities), or why it was refused.</summary>
public sealed record TurnResult(InvokeResponse? Response, TurnRefusal Refusal = TurnRefusal.None);
