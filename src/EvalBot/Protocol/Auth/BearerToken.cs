using Microsoft.IdentityModel.JsonWebTokens;

namespace EvalBot.Protocol.Auth;

/// <summary>Reading the bearer value of a channel request before it is trusted; every malformed input yields null, never an exception.</summary>
internal static class BearerToken
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The token of an exactly two-part "Bearer &lt;token&gt;" header, else null.</summary>
    public static string? FromHeader(string? header)
    {
        var parts = header?.Split(' ');
        return parts is ["Bearer", { Length: > 0 } token] ? token : null;
    }

    /// <summary>The parsed (unvalidated) token, or null when it is not a well-formed JWT (bad base64url or JSON included).</summary>
    public static JsonWebToken? TryRead(string token)
    {
        try
        {
            return Handler.CanReadToken(token) ? Handler.ReadJsonWebToken(token) : null;
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException is an ArgumentException too.
            return null;
        }
    }

    /// <summary>Case-insensitive, ignoring trailing slashes (channels are not consistent about them).</summary>
    public static bool ServiceUrlsMatch(string? claimed, string? actual) =>
        !string.IsNullOrEmpty(claimed) && !string.IsNullOrEmpty(actual)
        && string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
