using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace EvalBot.Protocol.Auth;

/// <summary>
/// Fetches OpenID metadata and its jwks, keeping the raw per-key extras that the standard JsonWebKey model drops.
/// Every completed fetch is also announced through <see cref="NextFetch"/>, because the ConfigurationManager refreshes
/// in the background after <c>RequestRefresh</c> and a caller retrying an unknown kid must wait for that result.
/// </summary>
internal sealed class SigningConfigurationRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    private TaskCompletionSource<ChannelSigningConfiguration> _nextFetch = NewSignal();

    /// <summary>Completes with the result of the next fetch that finishes after this property was read.</summary>
    public Task<ChannelSigningConfiguration> NextFetch => Volatile.Read(ref _nextFetch).Task;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        try
        {
            var configuration = await FetchAsync(address, retriever, cancel);
            Interlocked.Exchange(ref _nextFetch, NewSignal()).TrySetResult(configuration);
            return configuration;
        }
        catch (Exception ex)
        {
            Interlocked.Exchange(ref _nextFetch, NewSignal()).TrySetException(ex);
            throw;
        }
    }

    private static async Task<ChannelSigningConfiguration> FetchAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadataJson = await retriever.GetDocumentAsync(address, cancel);
        var jwksUri = ReadJwksUri(metadataJson)
            ?? throw new InvalidOperationException($"OpenID metadata at {address} has no jwks_uri.");
        var jwksJson = await retriever.GetDocumentAsync(jwksUri, cancel);
        var keys = ParseKeys(jwksJson);

        var configuration = new ChannelSigningConfiguration(metadataJson, keys)
        {
            JsonWebKeySet = new JsonWebKeySet(jwksJson),
        };
        foreach (var entry in keys.Values)
        {
            configuration.SigningKeys.Add(entry.Key);
        }

        return configuration;
    }

    private static string? ReadJwksUri(string metadataJson)
    {
        using var document = JsonDocument.Parse(metadataJson);
        return document.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()
            : null;
    }

    /// <summary>RSA signing keys by kid; keys without kid, other key types, encryption keys and duplicate kids are skipped.</summary>
    internal static Dictionary<string, SigningKeyEntry> ParseKeys(string jwksJson)
    {
        var keys = new Dictionary<string, SigningKeyEntry>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return keys;
        }

        foreach (var element in array.EnumerateArray())
        {
            var kid = ReadString(element, "kid");
            var use = ReadString(element, "use");
            if (string.IsNullOrEmpty(kid) || ReadString(element, "kty") != "RSA" || (use is not null && use != "sig") || keys.ContainsKey(kid))
            {
                continue;
            }

            var key = new JsonWebKey(element.GetRawText());
            keys[kid] = new SigningKeyEntry(key, ReadStrings(element, "endorsements"), ReadString(element, "issuer"));
        }

        return keys;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? ReadStrings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : null;

    private static TaskCompletionSource<ChannelSigningConfiguration> NewSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
