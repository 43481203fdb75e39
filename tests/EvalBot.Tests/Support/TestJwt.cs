using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EvalBot.Tests.Support;

/// <summary>Encodes and signs a compact JWT by hand, so tests can also produce tokens no library would (alg none, HS256 with a public key).</summary>
public static class TestJwt
{
    public static string Create(TestTokenSpec spec, DateTimeOffset now)
    {
        var header = new JsonObject { ["alg"] = spec.Algorithm, ["typ"] = "JWT", ["kid"] = spec.KeyId ?? spec.Key.KeyId };
        var payload = new JsonObject
        {
            ["iss"] = spec.Issuer,
            ["aud"] = spec.Audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = (spec.NotBefore ?? now.AddMinutes(-1)).ToUnixTimeSeconds(),
        };
        if (!spec.OmitExpiry)
        {
            payload["exp"] = (spec.Expires ?? now.AddHours(1)).ToUnixTimeSeconds();
        }

        if (spec.ServiceUrl is not null)
        {
            payload["serviceurl"] = spec.ServiceUrl;
        }

        if (spec.TenantId is not null)
        {
            payload["tid"] = spec.TenantId;
        }

        foreach (var (name, value) in spec.ExtraClaims ?? new Dictionary<string, string>())
        {
            payload[name] = value;
        }

        var signingInput = Encode(header) + "." + Encode(payload);
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = spec.Algorithm switch
        {
            "none" => [],
            "HS256" => HMACSHA256.HashData(spec.Key.PublicKeyBytes, data),
            "RS256" => spec.Key.Sign(data, HashAlgorithmName.SHA256),
            "RS384" => spec.Key.Sign(data, HashAlgorithmName.SHA384),
            "RS512" => spec.Key.Sign(data, HashAlgorithmName.SHA512),
            _ => throw new ArgumentException("Unsupported test algorithm " + spec.Algorithm, nameof(spec)),
        };
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
