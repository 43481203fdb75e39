using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Board;

/// <summary>
/// Runs the board's operations in the background, one at a time per instance: claims a queued task (any instance may;
/// exactly one gets it), runs the feature's <see cref="IBoardOperation"/> on a scope of its own, and every
/// <see cref="BoardOptions.ProgressSeconds"/> records its progress and updates the board card in Teams, without ever
/// holding the operation up (a report that waits on the database only delays the next report). At the end the card
/// shows the outcome.
/// </summary>
public sealed partial class BoardWorker(
    IServiceScopeFactory scopes, DatabaseReadiness readiness, TimeProvider time, IOptions<BoardOptions> options, ILogger<BoardWorker> logger) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var task = readiness.IsReady ? await ClaimAsync(stoppingToken) : null;
                if (task is null)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), time, stoppingToken);
                    continue;
                }

                await RunAsync(task, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a task left running is taken over once its heartbeat is stale.
        }
    }

    private async Task<BoardTask?> ClaimAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<BoardTasks>().ClaimAsync(_instance, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogClaimFailed(logger, ex);
            return null;
        }
    }

    private async Task RunAsync(BoardTask task, CancellationToken stoppingToken)
    {
        LogStarted(logger, task.Id, task.Kind, task.Argument);
        var progress = new Progress();
        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var reporter = ReportLoopAsync(task, progress, reporting.Token);
        BoardOperationResult result;
        var status = BoardTaskStatus.Done;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var operation = scope.ServiceProvider.GetServices<IBoardOperation>().Single(o => o.Kind == task.Kind);
            result = await operation.RunAsync(
                new BoardOperationRequest(task.Argument, task.RequestedBy, task.RequestedByPersonId, time.GetUtcNow()),
                (done, total, _) => { progress.Set(done, total); return Task.CompletedTask; },
                stoppingToken);
            if (result.Refused) status = BoardTaskStatus.Refused;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, task.Id, task.Kind);
            result = BoardOperationResult.Refuse("boardTaskFailed");
            status = BoardTaskStatus.Failed;
        }
        finally
        {
            await reporting.CancelAsync();
            await reporter;
        }

        var (done, total) = progress.Read();
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BoardTasks>().FinishAsync(task.Id, _instance, result, status, done, total, time.GetUtcNow(), CancellationToken.None);
        }

        await UpdateCardAsync(task, CancellationToken.None);
        LogEnded(logger, task.Id, task.Kind, status);
    }

    private async Task ReportLoopAsync(BoardTask task, Progress progress, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.ProgressSeconds), time, cancellationToken);
                var (done, total) = progress.Read();
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<BoardTasks>().ReportAsync(task.Id, _instance, done, total, time.GetUtcNow(), cancellationToken);
                }

                await UpdateCardAsync(task, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The operation ended: the final report follows.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReportFailed(logger, ex, task.Id);
        }
    }

    /// <summary>Shows the card as it is now in the board member's chat: the same message updated, or a new one when unknown.</summary>
    private async Task UpdateCardAsync(BoardTask task, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var card = await scope.ServiceProvider.GetRequiredService<BoardCard>().RenderAsync(task.Language, task.UserId, time.GetUtcNow(), null, null, cancellationToken);
            var message = Conversation.TurnContext.CardMessage(card);
            var connector = scope.ServiceProvider.GetRequiredService<IConnectorClient>();
            if (task.CardActivityId is { Length: > 0 } id)
            {
                message["id"] = id;
                await connector.UpdateActivityAsync(task.ServiceUrl, task.ConversationId, id, message, cancellationToken);
            }
            else
            {
                await connector.SendToConversationAsync(task.ServiceUrl, task.ConversationId, message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCardFailed(logger, ex, task.Id);
        }
    }

    /// <summary>The operation's latest progress, written by it and read by the report loop.</summary>
    private sealed class Progress
    {
        private long _value;

        public void Set(int done, int total) => Interlocked.Exchange(ref _value, ((long)total << 32) | (uint)done);

        public (int Done, int Total) Read()
        {
            var value = Interlocked.Read(ref _value);
            return ((int)(value & 0xFFFFFFFF), (int)(value >> 32));
        }
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Board task {Id} started: {Kind} {Argument}")]
    private static partial void LogStarted(ILogger logger, long id, string kind, string argument);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Board task {Id} ({Kind}) ended: {Status}")]
    private static partial void LogEnded(ILogger logger, long id, string kind, BoardTaskStatus status);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Board task {Id} ({Kind}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long id, string kind);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Board tasks could not be claimed")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Board task {Id}: progress could not be recorded")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, long id);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Board task {Id}: the board card could not be updated")]
    private static partial void LogCardFailed(ILogger logger, Exception exception, long id);
}
