using System.Threading.Channels;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;

namespace EvalBot.Delivery;

/// <summary>
/// Writes the "sent" marks of delivered outbox rows, many in one commit: whatever was delivered while the last commit
/// ran goes in the next. A row waiting here is still Sending under its lease, with its send started, so nothing sends
/// it again; if the process dies first, the lease's recovery marks it failed (never resent), as for a send cut off.
/// Registered before the senders, so it stops after them and writes their last marks.
/// </summary>
public sealed partial class SentMarks(IServiceScopeFactory scopes, ILogger<SentMarks> logger) : BackgroundService
{
    private const int MaxBatch = 512;
    private readonly Channel<OutboxMessage> _queue = Channel.CreateUnbounded<OutboxMessage>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the mark of a row whose delivery fields are set (status, sent time, activity id, lease cleared).</summary>
    public void Add(OutboxMessage row) => _queue.Writer.TryWrite(row);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteAvailableAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAvailableAsync();
    }

    private async Task WriteAvailableAsync()
    {
        var batch = new List<OutboxMessage>();
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var row))
        {
            batch.Add(row);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
            foreach (var row in batch)
            {
                OutboxRows.AttachDeliveryState(db, row);
            }

            // In the turns' queue for SQLite's writer, so a turn never waits for these marks in SQLite's busy handler.
            await using var write = await scope.ServiceProvider.GetRequiredService<SqliteWriter>().EnterAsync(db, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
            await write.CommittedAsync();
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or TimeoutException or System.Data.Common.DbException)
        {
            // The rows were delivered; left Sending, their lease's recovery records them as interrupted, never resent.
            LogMarksFailed(logger, batch.Count, ex);
        }
    }

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "The sent marks of {Count} delivered outbox messages could not be written")]
    private static partial void LogMarksFailed(ILogger logger, int count, Exception exception);
}

/// <summary>Writing an outbox row's delivery state from another unit of work than the one that read it.</summary>
internal static class OutboxRows
{
    /// <summary>Attaches the row with its delivery fields marked changed (never its activity, which can be large).</summary>
    public static void AttachDeliveryState(EvalBotDbContext db, OutboxMessage row)
    {
        var entry = db.Outbox.Attach(row);
        entry.Property(o => o.Status).IsModified = true;
        entry.Property(o => o.Attempts).IsModified = true;
        entry.Property(o => o.NextAttemptAt).IsModified = true;
        entry.Property(o => o.LeaseOwner).IsModified = true;
        entry.Property(o => o.LeaseUntil).IsModified = true;
        entry.Property(o => o.SendStartedAt).IsModified = true;
        entry.Property(o => o.LastStatusCode).IsModified = true;
        entry.Property(o => o.LastError).IsModified = true;
        entry.Property(o => o.SentActivityId).IsModified = true;
        entry.Property(o => o.SentAt).IsModified = true;
        entry.Property(o => o.ConversationId).IsModified = true;
        entry.Property(o => o.ServiceUrl).IsModified = true;
    }
}
