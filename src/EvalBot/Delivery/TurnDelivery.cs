using System.Collections.Concurrent;
using EvalBot.Persistence.Entities;

namespace EvalBot.Delivery;

/// <summary>
/// Sends a turn's replies straight from the turn, once it has committed: the rows were written already claimed by
/// this instance and marked as started (<see cref="OutboxWriter.ClaimForTurn"/>), so the sender's loop leaves them
/// alone, and a crash before the call is handled like any send cut off (docs/RELIABILITY.md). Stopping waits for the
/// sends in flight.
/// </summary>
public sealed class TurnDelivery(OutboxDispatch dispatch, IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    /// <summary>Starts sending the rows, detached from any unit of work, in order within the turn.</summary>
    public void Start(IReadOnlyList<OutboxMessage> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var send = SendInOrderAsync(rows, lifetime.ApplicationStopping);
        _inFlight.TryAdd(send, 0);
        _ = send.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken);

    private async Task SendInOrderAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken stopping)
    {
        // Off the request's thread: the turn's answer to Teams does not wait for the call.
        await Task.Yield();
        foreach (var row in rows)
        {
            try
            {
                await dispatch.SendAsync(row, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopping mid-send: the lease decides what happens to the row.
                return;
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or TimeoutException or System.Data.Common.DbException)
            {
                // Settling a failed send could not be written: the lease's recovery records the row.
            }
        }
    }
}
