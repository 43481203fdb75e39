using Microsoft.IdentityModel.Protocols;

namespace EvalBot.Protocol.Auth;

/// <summary>
/// Downloads metadata documents through a named <see cref="IHttpClientFactory"/> client (rather than one long-lived
/// HttpClient), so handlers rotate and tests can point the client at their own server.
/// </summary>
internal sealed class FactoryDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!LoopbackUrl.IsAcceptableMetadataAddress(address))
        {
            throw new InvalidOperationException($"Metadata address must be https (http only on loopback): {address}");
        }

        var client = httpClientFactory.CreateClient(BotAuthHttpClients.Metadata);
        using var response = await client.GetAsync(new Uri(address), cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"Metadata request to {address} answered {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsStringAsync(cancel);
    }
}
