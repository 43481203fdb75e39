using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Delivery;

/// <summary>
/// The outbox's set-based statements. A message's activity lives in <c>outbox_payloads</c>, beside its delivery state in
/// <c>outbox</c> (one entity split over two tables), and EF Core runs no <c>ExecuteUpdate</c> or <c>ExecuteDelete</c> on
/// such a type, so these are SQL, with times converted to what the model stores (milliseconds on SQLite).
/// </summary>
public static class OutboxStatements
{
    private const int Pending = (int)OutboxStatus.Pending;
    private const int Sending = (int)OutboxStatus.Sending;
    private const int Failed = (int)OutboxStatus.Failed;

    /// <summary>Rows claimed by an instance that stopped before sending them go back in the queue.</summary>
    public static Task<int> RequeueUnstartedAsync(EvalBotDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var at = Time(db, now);
        return db.Database.ExecuteSqlAsync($"""
            UPDATE outbox SET "Status" = {Pending}, "LeaseOwner" = NULL, "LeaseUntil" = NULL
            WHERE "Status" = {Sending} AND "LeaseUntil" < {at} AND "SendStartedAt" IS NULL
            """, ct);
    }

    /// <summary>Rows cut off during their HTTP call fail with <paramref name="error"/>: Teams may have shown them.</summary>
    public static Task<int> FailInterruptedAsync(EvalBotDbContext db, DateTimeOffset now, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var at = Time(db, now);
        return db.Database.ExecuteSqlAsync($"""
            UPDATE outbox SET "Status" = {Failed}, "LastError" = {error}
            WHERE "Status" = {Sending} AND "LeaseUntil" < {at} AND "SendStartedAt" IS NOT NULL
            """, ct);
    }

    /// <summary>
    /// Replaces the activity of message <paramref name="id"/> only while it waits (not claimed by a sender); returns 1 if
    /// it did. On PostgreSQL the row is locked and its state read again after any claim in progress commits.
    /// </summary>
    public static Task<int> ReplaceWaitingActivityAsync(EvalBotDbContext db, long id, string activityJson, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"""
                UPDATE outbox_payloads SET "ActivityJson" = {activityJson}
                WHERE "Id" = {id} AND EXISTS (SELECT 1 FROM outbox WHERE "Id" = {id} AND "Status" = {Pending} FOR UPDATE)
                """, ct)
            : db.Database.ExecuteSqlAsync($"""
                UPDATE outbox_payloads SET "ActivityJson" = {activityJson}
                WHERE "Id" = {id} AND EXISTS (SELECT 1 FROM outbox WHERE "Id" = {id} AND "Status" = {Pending})
                """, ct);
    }

    /// <summary>
    /// Deletes the messages created before <paramref name="before"/> that are no longer waiting or being sent, their
    /// activities first; returns how many messages. Call it in a transaction.
    /// </summary>
    public static async Task<int> PurgeAsync(EvalBotDbContext db, DateTimeOffset before, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var at = Time(db, before);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM outbox_payloads WHERE "Id" IN (
                SELECT "Id" FROM outbox WHERE "CreatedAt" < {at} AND "Status" <> {Pending} AND "Status" <> {Sending})
            """, ct);
        return await db.Database.ExecuteSqlAsync($"""
            DELETE FROM outbox WHERE "CreatedAt" < {at} AND "Status" <> {Pending} AND "Status" <> {Sending}
            """, ct);
    }

    /// <summary>A time as the model stores the outbox's times (every DateTimeOffset is converted the same way).</summary>
    private static object Time(EvalBotDbContext db, DateTimeOffset value)
    {
        var property = db.Model.FindEntityType(typeof(OutboxMessage))?.FindProperty(nameof(OutboxMessage.CreatedAt))
            ?? throw new InvalidOperationException("The outbox is not in the model.");
        return property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
    }
}
