using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace EvalBot.Bench.Inbound;

/// <summary>
/// The local identity side of the benchmark. Over plain http on loopback: the Bot Framework OpenID metadata and its key
/// set (one RS256 key endorsed for msteams) and an Entra-style metadata document. Over https with a certificate made at
/// start-up: the client-credential token endpoint the bots' MSAL clients call for outbound tokens. Also mints the
/// channel tokens the load client sends.
/// </summary>
internal sealed class LocalAuthority : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string AppId = "3f1c2b7a-5d4e-4a8b-9c0d-1e2f3a4b5c6d";
    public const string TenantId = "8a7b6c5d-4e3f-4210-9a8b-7c6d5e4f3a2b";
    public const string ClientSecret = "bench-client-secret";
    private const string KeyId = "bench-key-1";

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly X509Certificate2 _tlsCertificate;
    private WebApplication? _app;
    private int _tokenRequests;

    private LocalAuthority(X509Certificate2 tlsCertificate) => _tlsCertificate = tlsCertificate;

    public string HttpBaseUrl { get; private set; } = "";

    public string HttpsBaseUrl { get; private set; } = "";

    public string MetadataUrl => HttpBaseUrl + "/botframework/v1/.well-known/openidconfiguration";

    public string EntraMetadataUrl => HttpBaseUrl + "/entra/common/v2.0/.well-known/openid-configuration";

    /// <summary>PEM of the https certificate alone (for NODE_EXTRA_CA_CERTS).</summary>
    public string CertificatePemPath { get; private set; } = "";

    /// <summary>The system CA bundle plus the https certificate (for SSL_CERT_FILE of .NET processes).</summary>
    public string CaBundlePath { get; private set; } = "";

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public static async Task<LocalAuthority> StartAsync(string workFolder)
    {
        var authority = new LocalAuthority(CreateTlsCertificate());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(authority._tlsCertificate));
        });
        var app = builder.Build();
        authority._app = app;
        authority.MapRoutes(app);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        authority.HttpBaseUrl = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        authority.HttpsBaseUrl = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');

        var pem = authority._tlsCertificate.ExportCertificatePem() + "\n";
        authority.CertificatePemPath = Path.Combine(workFolder, "authority-cert.pem");
        await File.WriteAllTextAsync(authority.CertificatePemPath, pem);
        const string systemBundle = "/etc/ssl/certs/ca-certificates.crt";
        var bundle = File.Exists(systemBundle) ? await File.ReadAllTextAsync(systemBundle) + "\n" : "";
        authority.CaBundlePath = Path.Combine(workFolder, "ca-bundle.pem");
        await File.WriteAllTextAsync(authority.CaBundlePath, bundle + pem);
        return authority;
    }

    /// <summary>A Bot Framework channel token as Teams sends it: RS256, iss api.botframework.com, aud the app id, serviceurl.</summary>
    public string MintChannelToken(string serviceUrl, TimeSpan lifetime) => Mint(_signingKey, serviceUrl, lifetime);

    /// <summary>The same token signed by a key that is not published (under the published key id): must be refused.</summary>
    public static string MintForgedToken(string serviceUrl)
    {
        using var other = RSA.Create(2048);
        return Mint(other, serviceUrl, TimeSpan.FromHours(1));
    }

    private static string Mint(RSA key, string serviceUrl, TimeSpan lifetime)
    {
        var now = TimeProvider.System.GetUtcNow();
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId, ["x5t"] = KeyId };
        var payload = new JsonObject
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.Add(lifetime).ToUnixTimeSeconds(),
        };
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
            + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _signingKey.Dispose();
        _tlsCertificate.Dispose();
    }

    private void MapRoutes(WebApplication app)
    {
        app.MapGet("/botframework/v1/.well-known/openidconfiguration", () => Json(new JsonObject
        {
            ["issuer"] = BotFrameworkIssuer,
            ["authorization_endpoint"] = HttpBaseUrl + "/botframework/v1/authorize",
            ["jwks_uri"] = HttpBaseUrl + "/botframework/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }));
        app.MapGet("/botframework/v1/.well-known/keys", () => Json(new JsonObject { ["keys"] = new JsonArray(Jwk(endorsed: true)) }));
        app.MapGet("/entra/common/v2.0/.well-known/openid-configuration", () => Json(new JsonObject
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = HttpBaseUrl + "/entra/common/discovery/v2.0/keys",
        }));
        // No Entra keys are published: every channel token of the benchmark is a Bot Framework one.
        app.MapGet("/entra/common/discovery/v2.0/keys", () => Json(new JsonObject { ["keys"] = new JsonArray() }));

        // The client-credential authority (https only), as MSAL (.NET and Node) discovers and calls it.
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpContext context) =>
        {
            var root = $"https://{context.Request.Host}";
            return Json(new JsonObject
            {
                ["issuer"] = $"{root}/{tenant}/v2.0",
                ["authorization_endpoint"] = $"{root}/{tenant}/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"{root}/{tenant}/oauth2/v2.0/token",
                ["jwks_uri"] = $"{root}/{tenant}/discovery/v2.0/keys",
                ["end_session_endpoint"] = $"{root}/{tenant}/oauth2/v2.0/logout",
            });
        });
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_secret"] != ClientSecret || form["client_id"] != AppId)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }

            Interlocked.Increment(ref _tokenRequests);
            return Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = "bench-outbound-" + tenant + "-" + Guid.NewGuid().ToString("N"),
            });
        });
    }

    private JsonObject Jwk(bool endorsed)
    {
        var parameters = _signingKey.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["x5t"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        if (endorsed)
        {
            jwk["endorsements"] = new JsonArray("msteams");
        }

        return jwk;
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    private static X509Certificate2 CreateTlsCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
