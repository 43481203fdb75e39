namespace EvalBot.Delivery;

/// <summary>
/// Outside the connector's retry pipeline: each request to Teams waits for the app's next slot before its first
/// attempt, so the wait never counts against an attempt's timeout. Retries are spaced by their own backoff and by a
/// 429's Retry-After, which <see cref="ThrottleFeedbackHandler"/> reports from inside the pipeline.
/// </summary>
public sealed class AppPacingHandler(DeliveryThrottle throttle) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await throttle.WaitForAppSlotAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
