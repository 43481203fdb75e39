using System.Text.Json;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Board;

/// <summary>
/// The board's operations as rows: queued by a board member's turn, claimed by exactly one instance (a conditional
/// update: the instance whose update changed the row runs it), kept alive by a heartbeat, taken over when the instance
/// running it stopped reporting for <see cref="BoardOptions.StaleMinutes"/>, and closed with their outcome.
/// </summary>
public sealed class BoardTasks(EvalBotDbContext db, IOptions<BoardOptions> options)
{
    /// <summary>The operation queued or running now, if any: the board runs one at a time.</summary>
    public Task<BoardTask?> ActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stale = now.AddMinutes(-options.Value.StaleMinutes);
        return db.BoardTasks.AsNoTracking()
            .Where(t => t.Status == BoardTaskStatus.Queued || (t.Status == BoardTaskStatus.Running && t.HeartbeatAt >= stale))
            .OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Claims the oldest queued task (or one left by a stopped instance) for <paramref name="instance"/>; null when none.</summary>
    public async Task<BoardTask?> ClaimAsync(string instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stale = now.AddMinutes(-options.Value.StaleMinutes);
        var candidate = await db.BoardTasks.AsNoTracking()
            .Where(t => t.Status == BoardTaskStatus.Queued || (t.Status == BoardTaskStatus.Running && t.HeartbeatAt < stale))
            .OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (candidate is null) return null;
        var claimed = await db.BoardTasks
            .Where(t => t.Id == candidate.Id && t.Status == candidate.Status && t.HeartbeatAt == candidate.HeartbeatAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, BoardTaskStatus.Running)
                .SetProperty(t => t.ClaimedBy, instance)
                .SetProperty(t => t.StartedAt, now)
                .SetProperty(t => t.HeartbeatAt, now), cancellationToken);
        return claimed == 1 ? await db.BoardTasks.AsNoTracking().SingleAsync(t => t.Id == candidate.Id, cancellationToken) : null;
    }

    /// <summary>Records progress and the heartbeat, if the task is still this instance's.</summary>
    public Task ReportAsync(long id, string instance, int done, int total, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.BoardTasks.Where(t => t.Id == id && t.ClaimedBy == instance && t.Status == BoardTaskStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Done, done).SetProperty(t => t.Total, total).SetProperty(t => t.HeartbeatAt, now), cancellationToken);

    /// <summary>Closes the task with its outcome.</summary>
    public Task FinishAsync(long id, string instance, BoardOperationResult result, BoardTaskStatus status, int done, int total, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var args = JsonSerializer.Serialize(result.Args);
        return db.BoardTasks.Where(t => t.Id == id && t.ClaimedBy == instance)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, status)
                .SetProperty(t => t.ResultKey, result.TextKey)
                .SetProperty(t => t.ResultArgsJson, args)
                .SetProperty(t => t.Done, done)
                .SetProperty(t => t.Total, total)
                .SetProperty(t => t.HeartbeatAt, now)
                .SetProperty(t => t.FinishedAt, now), cancellationToken);
    }
}
