using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Core;

/// <summary>
/// Messages of some kinds in one period: how many were queued, sent, failed, and how many wait for a later moment
/// (a working hour, the day after a leave): those are not counted as work still in hand.
/// </summary>
public sealed record DeliveryCounts(int Total, int Sent, int Failed, int Scheduled)
{
    public int Done => Sent + Failed;

    /// <summary>The messages the operation is waiting on: due now and not yet sent or failed.</summary>
    public int Waiting => Total - Scheduled - Done;
}

/// <summary>
/// Follows the delivery of the messages a board operation queued (a period's check-in prompts, a feedback round's
/// requests) by reading the outbox: reports sent or failed of queued every poll until none is waiting, or until
/// <see cref="BoardOptions.WatchMinutes"/> pass (the card then says how many are still queued; the outbox keeps sending).
/// Messages timed for later (working hours) are counted apart and not waited for.
/// </summary>
public sealed class DeliveryProgress(EvalBotDbContext db, TimeProvider time, IOptions<BoardOptions> options)
{
    public async Task<DeliveryCounts> CountAsync(string period, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var later = time.GetUtcNow().AddMinutes(1);
        var counts = await db.Outbox.AsNoTracking()
            .Where(o => o.Period == period && kinds.Contains(o.Kind))
            .GroupBy(o => new { o.Status, Later = o.Status == OutboxStatus.Pending && o.NextAttemptAt > later })
            .Select(g => new { g.Key.Status, g.Key.Later, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(OutboxStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
        return new DeliveryCounts(counts.Sum(c => c.Count), Of(OutboxStatus.Sent), Of(OutboxStatus.Failed), counts.Where(c => c.Later).Sum(c => c.Count));
    }

    /// <summary>Reports progress until every message of <paramref name="kinds"/> in <paramref name="period"/> is sent or failed.</summary>
    public async Task<DeliveryCounts> WatchAsync(string period, IReadOnlyCollection<string> kinds, BoardProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var until = time.GetUtcNow().AddMinutes(options.Value.WatchMinutes);
        while (true)
        {
            var counts = await CountAsync(period, kinds, cancellationToken);
            await progress(counts.Done, counts.Total - counts.Scheduled, cancellationToken);
            if (counts.Waiting == 0 || time.GetUtcNow() >= until)
            {
                return counts;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), time, cancellationToken);
        }
    }
}
