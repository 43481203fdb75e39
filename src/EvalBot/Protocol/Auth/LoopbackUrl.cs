namespace EvalBot.Protocol.Auth;

/// <summary>
/// Loopback URL checks. Auth-off mode only serves loopback serviceUrls, and plain http is only allowed for loopback
/// metadata addresses, so a mis-deployed development build can neither be steered nor fed keys over the network.
/// </summary>
internal static class LoopbackUrl
{
    /// <summary>True for an absolute http(s) URL whose host is localhost, 127.0.0.0/8 or [::1].</summary>
    public static bool IsLoopbackHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.IsLoopback;

    /// <summary>True for https anywhere, or http on loopback.</summary>
    public static bool IsAcceptableMetadataAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
