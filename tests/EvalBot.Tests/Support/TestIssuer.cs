using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using EvalBot.Protocol.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvalBot.Tests.Support;

/// <summary>
/// A local stand-in for login.botframework.com and login.microsoftonline.com on 127.0.0.1 (OS-chosen ports): serves
/// Bot Framework and Entra OpenID metadata with key sets (including endorsements), a token endpoint for MSAL over
/// https, and mints channel tokens. Start with <see cref="StartAsync"/>; feed <see cref="BotConfiguration"/> to the
/// app's configuration and call <see cref="ConfigureHttpClients"/> on its services.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string DefaultAppId = "5b0a1c7e-9d1f-4c55-8a2e-2f6f3c1d9e01";
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public const string ClientSecret = "test-client-secret";
    public const string DefaultChannelId = "msteams";
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";

    // Key generation dominates start-up time, so every issuer in the process reuses the same material for its
    // standard keys (each test still gets its own server and key ids); forged and rotated keys are always fresh.
    private static readonly Lazy<RSA[]> SharedMaterial = new(() => [.. Enumerable.Range(0, 4).Select(_ => RSA.Create(2048))]);
    private static readonly Lazy<X509Certificate2> SharedTlsCertificate = new(CreateTlsCertificate);

    private readonly WebApplication _app;
    private readonly X509Certificate2 _tlsCertificate;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<TestIssuerTokenRequest> _tokenRequests = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private volatile ImmutableKeySet _botFrameworkKeys;
    private volatile ImmutableKeySet _entraKeys;

    private TestIssuer(WebApplication app, X509Certificate2 tlsCertificate, TimeProvider time)
    {
        _app = app;
        _tlsCertificate = tlsCertificate;
        _time = time;
        var material = SharedMaterial.Value;
        EndorsedKey = new TestSigningKey("bf-endorsed", [DefaultChannelId, "webchat", "emulator"], material: material[0]);
        UnendorsedKey = new TestSigningKey("bf-unendorsed", material: material[1]);
        OtherChannelKey = new TestSigningKey("bf-other-channel", ["webchat"], material: material[2]);
        EntraKey = new TestSigningKey("entra-1", issuer: "https://login.microsoftonline.com/{tenantid}/v2.0", material: material[3]);
        _botFrameworkKeys = new([EndorsedKey, UnendorsedKey, OtherChannelKey]);
        _entraKeys = new([EntraKey]);
    }

    /// <summary>Published Bot Framework key endorsed for msteams, webchat and emulator.</summary>
    public TestSigningKey EndorsedKey { get; }

    /// <summary>Published Bot Framework key without an endorsements member.</summary>
    public TestSigningKey UnendorsedKey { get; }

    /// <summary>Published Bot Framework key endorsed for webchat only.</summary>
    public TestSigningKey OtherChannelKey { get; }

    /// <summary>Published Entra key whose issuer is the common v2 template.</summary>
    public TestSigningKey EntraKey { get; }

    public string HttpBaseUrl { get; private set; } = "";

    public string HttpsBaseUrl { get; private set; } = "";

    /// <summary>Bot Framework OpenID metadata (for <c>Bot:OpenIdMetadataUrl</c>).</summary>
    public string MetadataUrl => HttpBaseUrl + "/botframework/v1/.well-known/openidconfiguration";

    /// <summary>Entra OpenID metadata (for <c>Bot:EntraMetadataUrl</c>).</summary>
    public string EntraMetadataUrl => HttpBaseUrl + "/entra/common/v2.0/.well-known/openid-configuration";

    /// <summary>https authority host for MSAL (for <c>Bot:AuthorityHost</c>); trust it with <see cref="ConfigureHttpClients"/>.</summary>
    public string AuthorityHost => HttpsBaseUrl;

    public int BotFrameworkKeyRequests => _hits.GetValueOrDefault("bf-keys");

    public int EntraKeyRequests => _hits.GetValueOrDefault("entra-keys");

    public int TokenRequestCount => _tokenRequests.Count;

    public IReadOnlyList<TestIssuerTokenRequest> TokenRequests => [.. _tokenRequests];

    /// <param name="time">The clock tokens are minted with; use the same FakeTimeProvider as the code under test.</param>
    public static async Task<TestIssuer> StartAsync(TimeProvider? time = null)
    {
        var certificate = SharedTlsCertificate.Value;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var issuer = new TestIssuer(app, certificate, time ?? TimeProvider.System);
        issuer.MapRoutes();
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        issuer.HttpBaseUrl = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        issuer.HttpsBaseUrl = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');
        return issuer;
    }

    /// <summary>Configuration for the <c>Bot</c> section pointing everything at this issuer (auth on).</summary>
    public Dictionary<string, string?> BotConfiguration(string appId = DefaultAppId, string tenantId = "") => new()
    {
        ["Bot:MicrosoftAppId"] = appId,
        ["Bot:MicrosoftAppPassword"] = ClientSecret,
        ["Bot:TenantId"] = tenantId,
        ["Bot:OpenIdMetadataUrl"] = MetadataUrl,
        ["Bot:EntraMetadataUrl"] = EntraMetadataUrl,
        ["Bot:AuthorityHost"] = AuthorityHost,
    };

    /// <summary>Makes the app's auth HTTP clients trust this issuer's self-signed https certificate (and nothing else new).</summary>
    public void ConfigureHttpClients(IServiceCollection services)
    {
        services.AddHttpClient(BotAuthHttpClients.TokenAuthority).ConfigurePrimaryHttpMessageHandler(CreateTrustingHandler);
        services.AddHttpClient(BotAuthHttpClients.Metadata).ConfigurePrimaryHttpMessageHandler(CreateTrustingHandler);
    }

    public HttpMessageHandler CreateTrustingHandler()
    {
        var thumbprint = _tlsCertificate.GetCertHashString(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None
                    || (certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint),
            },
        };
    }

    /// <summary>Publishes another Bot Framework key (a rotation); the server serves it from the next key request on.</summary>
    public TestSigningKey PublishBotFrameworkKey(IReadOnlyList<string>? endorsements = null, string? keyId = null)
    {
        var key = new TestSigningKey(keyId, endorsements ?? [DefaultChannelId]);
        _botFrameworkKeys = new([.. _botFrameworkKeys.Keys, key]);
        return key;
    }

    /// <summary>Publishes another Entra key, e.g. one bound to a single tenant's issuer.</summary>
    public TestSigningKey PublishEntraKey(string? issuer = null)
    {
        var key = new TestSigningKey(issuer: issuer);
        _entraKeys = new([.. _entraKeys.Keys, key]);
        return key;
    }

    public TestTokenSpec BotFrameworkSpec(string appId = DefaultAppId, string? serviceUrl = DefaultServiceUrl, bool channelEndorsed = true) =>
        new(channelEndorsed ? EndorsedKey : UnendorsedKey, ChannelIssuers.BotFramework, appId) { ServiceUrl = serviceUrl };

    /// <param name="v2">True for the login.microsoftonline.com/{tid}/v2.0 issuer, false for sts.windows.net/{tid}/.</param>
    public TestTokenSpec EntraSpec(string appId = DefaultAppId, string tenantId = BotFrameworkTenant, bool v2 = true) =>
        new(EntraKey, v2 ? ChannelIssuers.EntraV2Issuer(tenantId) : ChannelIssuers.EntraV1Issuer(tenantId), appId) { TenantId = tenantId };

    /// <summary>A valid Bot Framework channel token (or one signed by an unendorsed key).</summary>
    public string CreateBotFrameworkToken(string appId = DefaultAppId, string? serviceUrl = DefaultServiceUrl, bool channelEndorsed = true) =>
        CreateToken(BotFrameworkSpec(appId, serviceUrl, channelEndorsed));

    public string CreateEntraToken(string appId = DefaultAppId, string tenantId = BotFrameworkTenant, bool v2 = true) =>
        CreateToken(EntraSpec(appId, tenantId, v2));

    public string CreateToken(TestTokenSpec spec) => TestJwt.Create(spec, _time.GetUtcNow());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in _botFrameworkKeys.Keys.Concat(_entraKeys.Keys))
        {
            key.Dispose();
        }

    }

    private void MapRoutes()
    {
        MapJson("/botframework/v1/.well-known/openidconfiguration", "bf-metadata", () =>
            new JsonObject { ["issuer"] = ChannelIssuers.BotFramework, ["jwks_uri"] = HttpBaseUrl + "/botframework/v1/.well-known/keys" });
        MapJson("/botframework/v1/.well-known/keys", "bf-keys", () => _botFrameworkKeys.ToJwks());
        MapJson("/entra/common/v2.0/.well-known/openid-configuration", "entra-metadata", () =>
            new JsonObject { ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0", ["jwks_uri"] = HttpBaseUrl + "/entra/common/discovery/v2.0/keys" });
        MapJson("/entra/common/discovery/v2.0/keys", "entra-keys", () => _entraKeys.ToJwks());
        _app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Json(new JsonObject
        {
            ["issuer"] = $"{HttpsBaseUrl}/{tenant}/v2.0",
            ["authorization_endpoint"] = $"{HttpsBaseUrl}/{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{HttpsBaseUrl}/{tenant}/oauth2/v2.0/token",
        }));
        _app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            _tokenRequests.Enqueue(new TestIssuerTokenRequest(tenant, fields));
            return Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = $"test-access-token-{_tokenRequests.Count}",
            });
        });
    }

    private void MapJson(string path, string counter, Func<JsonObject> body) =>
        _app.MapGet(path, () =>
        {
            _hits.AddOrUpdate(counter, 1, (_, n) => n + 1);
            return Json(body());
        });

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    private static X509Certificate2 CreateTlsCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private sealed record ImmutableKeySet(IReadOnlyList<TestSigningKey> Keys)
    {
        public JsonObject ToJwks() => new() { ["keys"] = new JsonArray([.. Keys.Select(k => (JsonNode)k.ToJwk())]) };
    }
}

/// <summary>One client-credential request the test authority received.</summary>
public sealed record TestIssuerTokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form);
