using Microsoft.IdentityModel.Tokens;

namespace EvalBot.Protocol.Auth;

/// <summary>
/// The signature, issuer, audience and lifetime rules of a channel token, with "now" taken from a
/// <see cref="TimeProvider"/> so that tests control the clock.
/// </summary>
internal sealed class ChannelTokenValidation(TimeProvider time)
{
    /// <summary>Only RSA signatures; this refuses <c>alg: none</c> and HMAC tokens "signed" with a public key.</summary>
    public static readonly IReadOnlySet<string> AllowedAlgorithms = new HashSet<string>(StringComparer.Ordinal)
    {
        SecurityAlgorithms.RsaSha256,
        SecurityAlgorithms.RsaSha384,
        SecurityAlgorithms.RsaSha512,
    };

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public TokenValidationParameters Parameters(string issuer, IEnumerable<string> audiences, SecurityKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer,
        ValidateAudience = true,
        ValidAudiences = audiences,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
        RequireSignedTokens = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
    };

    /// <summary>exp is required; nbf and exp are checked against the injected clock with a 5-minute skew.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no exp claim.");
        }

        if (notBefore is { } nbf && nbf > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
        }

        if (expires.Value < now - ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    /// <summary>A short reason for logs (never the token or its claims).</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidAudienceException => "audience is not this bot",
        SecurityTokenInvalidIssuerException => "issuer not accepted",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "signature invalid",
        null => "token validation failed",
        _ => "token validation failed: " + exception.GetType().Name,
    };
}
