using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace EvalBot.Protocol.Auth;

/// <summary>
/// Client-credential tokens for the Bot Connector (protocol.md §3.1). One MSAL application for the process; the token
/// it gives is kept and handed to every send until <see cref="RefreshBefore"/> ahead of its expiry, so a send does not
/// ask MSAL (or its cache) each time. Null when auth is off.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    /// <summary>The Bot Connector resource.</summary>
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>Legacy multi-tenant authority tenant, used when <see cref="BotOptions.TenantId"/> is empty.</summary>
    public const string MultiTenantAuthorityTenant = "botframework.com";

    private const string PublicCloudHost = "login.microsoftonline.com";
    private static readonly string[] Scopes = [Scope];

    /// <summary>How long before its expiry a kept token is replaced (MSAL itself renews five minutes ahead).</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly BotOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lazy<IConfidentialClientApplication> _application;
    private volatile KeptToken? _kept;

    public MsalBotTokenProvider(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, ILogger<MsalBotTokenProvider> logger, TimeProvider time)
    {
        _options = options.Value;
        _logger = logger;
        _time = time;
        Authority = $"{_options.AuthorityHost.TrimEnd('/')}/{(string.IsNullOrWhiteSpace(_options.TenantId) ? MultiTenantAuthorityTenant : _options.TenantId.Trim())}";
        _application = new Lazy<IConfidentialClientApplication>(() => Build(httpClientFactory));
    }

    /// <summary>The authority tokens are requested from: the authority host plus the tenant.</summary>
    public string Authority { get; }

    /// <exception cref="MsalException">The authority refused or could not be reached (logged with its error code).</exception>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (!_options.AuthEnabled)
        {
            return null;
        }

        if (_kept is { } kept && _time.GetUtcNow() < kept.ReplaceAt)
        {
            return kept.AccessToken;
        }

        try
        {
            var result = await _application.Value.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken);
            _kept = new KeptToken(result.AccessToken, result.ExpiresOn - RefreshBefore);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            AuthLog.OutboundTokenFailed(_logger, Authority, ex.ErrorCode, ex);
            throw;
        }
    }

    private IConfidentialClientApplication Build(IHttpClientFactory httpClientFactory)
    {
        var isPublicCloud = string.Equals(new Uri(_options.AuthorityHost).Host, PublicCloudHost, StringComparison.OrdinalIgnoreCase);
        var builder = ConfidentialClientApplicationBuilder.Create(_options.MicrosoftAppId)
            .WithAuthority(Authority, validateAuthority: isPublicCloud)
            .WithHttpClientFactory(new MsalHttpClientFactoryAdapter(httpClientFactory));
        if (!isPublicCloud)
        {
            // A sovereign cloud or a local test authority: MSAL must not ask the public cloud about it.
            builder = builder.WithInstanceDiscovery(false);
        }

        builder = string.IsNullOrEmpty(_options.CertificatePath)
            ? builder.WithClientSecret(_options.MicrosoftAppPassword)
            : builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                _options.CertificatePath, string.IsNullOrEmpty(_options.CertificatePassword) ? null : _options.CertificatePassword));
        return builder.Build();
    }

    /// <summary>A token and the moment it is to be replaced.</summary>
    private sealed record KeptToken(string AccessToken, DateTimeOffset ReplaceAt);
}
