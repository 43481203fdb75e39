using Microsoft.Extensions.Logging;

namespace EvalBot.Protocol.Auth;

/// <summary>Log lines of inbound and outbound bot authentication. Tokens and secrets are never logged.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Refused a channel request: {Reason}")]
    public static partial void ChannelRequestRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Accepted an anonymous development request for loopback serviceUrl {ServiceUrl}")]
    public static partial void AnonymousDevelopmentAccepted(ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Signing key {KeyId} is unknown; refreshing the keys from {MetadataUrl}")]
    public static partial void SigningKeyRefreshRequested(ILogger logger, string keyId, string metadataUrl);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Signing keys from {MetadataUrl} could not be refreshed")]
    public static partial void SigningKeyRefreshFailed(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "Signing keys from {MetadataUrl} are unavailable")]
    public static partial void SigningKeysUnavailable(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "Could not acquire a Bot Connector token from {Authority}: {ErrorCode}")]
    public static partial void OutboundTokenFailed(ILogger logger, string authority, string errorCode, Exception exception);
}
