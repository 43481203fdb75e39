namespace EvalBot.Features.Classification;

/// <summary>Work a pipeline started beside its own (the next read, the last write) when a step of it fails.</summary>
internal static class PendingWork
{
    /// <summary>
    /// Waits for <paramref name="pending"/> to end, so the context it uses is not disposed under it; its own failure, if
    /// any, is observed and dropped: the failure of the step that stopped the pipeline is the one that matters.
    /// </summary>
    public static async Task SettleAsync(Task? pending)
    {
        if (pending is null) return;
        await Task.WhenAny(pending);
        _ = pending.Exception;
    }
}
