namespace EvalBot.Protocol.Auth;

/// <summary>
/// Decides whether an inbound POST to /api/messages comes from a Bot Framework channel.
/// Called by the endpoint after the body is parsed, because the endorsement and <c>serviceurl</c>
/// checks need the activity's channelId and serviceUrl.
/// </summary>
public interface IChannelRequestAuthenticator
{
    /// <param name="authorizationHeader">The raw Authorization header, or null when absent.</param>
    /// <param name="channelId">The activity's channelId (e.g. "msteams").</param>
    /// <param name="serviceUrl">The activity's serviceUrl.</param>
    Task<ChannelAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken);
}

/// <summary>The outcome of authenticating one inbound request. The reason is for logs only, never for the caller.</summary>
public sealed record ChannelAuthResult(bool Succeeded, bool Anonymous, string? FailureReason)
{
    public static ChannelAuthResult Authenticated { get; } = new(true, false, null);

    /// <summary>Auth is off (no app id) and the request carried no Authorization header.</summary>
    public static ChannelAuthResult AnonymousDevelopment { get; } = new(true, true, null);

    public static ChannelAuthResult Fail(string reason) => new(false, false, reason);
}
