namespace EvalBot.Protocol.Auth;

/// <summary>
/// Names of the <see cref="IHttpClientFactory"/> clients used for authentication traffic. Public so that tests (and
/// deployments behind a proxy) can configure the handlers, e.g. to trust a local test authority's certificate.
/// </summary>
public static class BotAuthHttpClients
{
    /// <summary>OpenID metadata and key-set downloads for inbound token validation.</summary>
    public const string Metadata = "EvalBot.Auth.Metadata";

    /// <summary>MSAL's calls to the token authority for outbound Bot Connector tokens.</summary>
    public const string TokenAuthority = "EvalBot.Auth.TokenAuthority";
}
