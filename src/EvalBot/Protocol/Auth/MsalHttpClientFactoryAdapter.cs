using Microsoft.Identity.Client;

namespace EvalBot.Protocol.Auth;

/// <summary>Lets MSAL use a named <see cref="IHttpClientFactory"/> client (pooled handlers; tests point it at a local authority).</summary>
internal sealed class MsalHttpClientFactoryAdapter(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(BotAuthHttpClients.TokenAuthority);
}
