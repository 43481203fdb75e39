namespace EvalBot.Tests.Support;

/// <summary>
/// Everything about a token a test may want to vary. Times default to the issuer's clock: nbf = now - 1 min,
/// exp = now + 1 h. Build one with <see cref="TestIssuer.BotFrameworkSpec"/> or <see cref="TestIssuer.EntraSpec"/>,
/// change it with <c>with</c>, and mint it with <see cref="TestIssuer.CreateToken"/>.
/// </summary>
public sealed record TestTokenSpec(TestSigningKey Key, string Issuer, string Audience)
{
    /// <summary>RS256/RS384/RS512 sign with the key; "none" leaves the signature empty; HS256 uses the public key bytes as secret.</summary>
    public string Algorithm { get; init; } = "RS256";

    /// <summary>The header kid; defaults to the signing key's id.</summary>
    public string? KeyId { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>Omit the exp claim entirely.</summary>
    public bool OmitExpiry { get; init; }

    /// <summary>The Bot Framework <c>serviceurl</c> claim; null omits it.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The Entra <c>tid</c> claim; null omits it.</summary>
    public string? TenantId { get; init; }

    public IReadOnlyDictionary<string, string>? ExtraClaims { get; init; }
}
