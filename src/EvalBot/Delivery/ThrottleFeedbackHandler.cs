using System.Net;

namespace EvalBot.Delivery;

/// <summary>
/// Sits inside the connector's retry pipeline, so it sees every attempt: each, retries included, waits for room in the
/// last second of requests sent, and a 429 from Teams holds back every later request of the app, not only the retried
/// one: briefly at first, up to the Retry-After it names (one second when it names none) while 429s go on
/// (<see cref="DeliveryThrottle.Backoff"/>). Each attempt's round trip is reported, so the
/// sender keeps enough messages in flight to hold the rate when Teams answers slowly.
/// </summary>
public sealed class ThrottleFeedbackHandler(DeliveryThrottle throttle, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await throttle.WaitForRoomAsync(cancellationToken);
        var sentAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        throttle.RecordRoundTrip(time.GetElapsedTime(started));
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throttle.Backoff(RetryAfter(response, time.GetUtcNow()), sentAt);
        }

        return response;
    }

    public static TimeSpan RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > now => date - now,
        _ => TimeSpan.FromSeconds(1),
    };
}
