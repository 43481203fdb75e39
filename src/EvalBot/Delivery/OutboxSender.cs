using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Delivery;

/// <summary>
/// Delivers outbox rows to Teams. Each row is claimed (state Sending, with a lease) and committed before the HTTP call,
/// then marked Sent (<see cref="SentMarks"/>) or Failed. A turn's own replies are claimed in the turn's commit and sent
/// from the turn (<see cref="TurnDelivery"/>); this loop sends the rest. A row still Sending when its lease expires was
/// cut off by a crash mid-call: Teams may or may not have shown it, so it is marked failed rather than risk a duplicate
/// prompt.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    OutboxDispatch dispatch,
    OutboxInstance instance,
    OutboxSignal signal,
    DeliveryThrottle throttle,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly OutboxClaims _claims = new(scopes, throttle, instance, time, options);

    /// <summary>
    /// Keeps up to <see cref="DeliveryThrottle.InFlightTarget"/> sends in flight (more while Teams answers slowly): a row
    /// is claimed as soon as a send ends, so the pace is the throttle's, never a batch's slowest call. With nothing due it
    /// sleeps until a commit wakes it or the poll interval passes.
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
                var target = throttle.InFlightTarget();
                var free = target - inFlight.Count;
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
                if (inFlight.Count >= target)
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
            await dispatch.SendAsync(row, stoppingToken);
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

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "The outbox loop failed; retrying after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
