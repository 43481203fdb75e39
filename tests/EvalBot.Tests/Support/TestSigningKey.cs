using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace EvalBot.Tests.Support;

/// <summary>An RSA signing key a test issuer can publish (as a JWK, optionally with endorsements or an issuer) and sign with.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;
    private readonly bool _ownsKey;

    /// <param name="material">Shared key material (not disposed with this key); null generates a fresh RSA key.</param>
    public TestSigningKey(string? keyId = null, IReadOnlyList<string>? endorsements = null, string? issuer = null, RSA? material = null)
    {
        _ownsKey = material is null;
        _rsa = material ?? RSA.Create(2048);
        KeyId = keyId ?? "test-" + Guid.NewGuid().ToString("N")[..12];
        Endorsements = endorsements;
        Issuer = issuer;
    }

    public string KeyId { get; }

    /// <summary>Published as the JWK <c>endorsements</c> member; null publishes the key without one.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>Published as the JWK <c>issuer</c> member (Entra style, may contain <c>{tenantid}</c>); null omits it.</summary>
    public string? Issuer { get; }

    /// <summary>The DER SubjectPublicKeyInfo, e.g. to forge an HMAC "signed with the public key".</summary>
    public byte[] PublicKeyBytes => _rsa.ExportSubjectPublicKeyInfo();

    public byte[] Sign(byte[] data, HashAlgorithmName hash) => _rsa.SignData(data, hash, RSASignaturePadding.Pkcs1);

    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => JsonValue.Create(e))]);
        }

        if (Issuer is not null)
        {
            jwk["issuer"] = Issuer;
        }

        return jwk;
    }

    public void Dispose()
    {
        if (_ownsKey)
        {
            _rsa.Dispose();
        }
    }
}
