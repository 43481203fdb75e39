namespace EvalBot.Protocol.Auth;

/// <summary>Outbound access tokens for the Bot Connector (scope https://api.botframework.com/.default).</summary>
public interface IBotTokenProvider
{
    /// <summary>A bearer token, or null when auth is off (local development: the connector gets no Authorization header).</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
