namespace EvalBot.Core;

/// <summary>
/// The address people reach the bot at, for links it sends them: <c>Bot:PublicBaseUrl</c> when set (behind a proxy or
/// load balancer that changes the host, set it), else the scheme and host of the request being served (in a turn, the
/// <c>POST /api/messages</c> Teams sent to the bot's public endpoint).
/// </summary>
public sealed class PublicAddress(IConfiguration configuration, IHttpContextAccessor http)
{
    public const string Setting = "Bot:PublicBaseUrl";

    /// <summary>The base address without a trailing slash, or null when there is neither a setting nor a request.</summary>
    public string? BaseUrl()
    {
        if (configuration?[Setting] is { Length: > 0 } configured
            && Uri.TryCreate(configured, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        return http.HttpContext?.Request is { Host.HasValue: true } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : null;
    }
}
