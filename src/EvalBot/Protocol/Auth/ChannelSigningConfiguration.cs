using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace EvalBot.Protocol.Auth;

/// <summary>One published signing key plus the non-standard JWK members the channel checks need.</summary>
/// <param name="Key">The key, usable for signature validation.</param>
/// <param name="Endorsements">The Bot Framework <c>endorsements</c> (channel ids), or null when the JWK has none.</param>
/// <param name="Issuer">The Entra <c>issuer</c> member (may hold a <c>{tenantid}</c> template), or null.</param>
public sealed record SigningKeyEntry(JsonWebKey Key, IReadOnlyList<string>? Endorsements, string? Issuer);

/// <summary>
/// OpenID metadata together with its key set, indexed by kid with the raw extras (endorsements, issuer) read from
/// the same jwks document, so keys and endorsements are always refreshed together.
/// </summary>
public sealed class ChannelSigningConfiguration : OpenIdConnectConfiguration
{
    public ChannelSigningConfiguration(string metadataJson, IReadOnlyDictionary<string, SigningKeyEntry> keysById)
        : base(metadataJson)
    {
        KeysById = keysById;
    }

    public IReadOnlyDictionary<string, SigningKeyEntry> KeysById { get; }
}
