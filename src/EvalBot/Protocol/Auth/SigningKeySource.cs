using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EvalBot.Protocol.Auth;

/// <summary>
/// The signing keys published at one metadata address: cached by a <see cref="ConfigurationManager{T}"/> (automatic
/// refresh every 12 h by default) and re-fetched once, at most every <see cref="BotOptions.SigningKeyRefreshMinimumInterval"/>,
/// when a token names a kid the cache does not know (key rotation).
/// </summary>
internal sealed class SigningKeySource
{
    /// <summary>How long a request waits for the background refresh it triggered. Network time, not business time.</summary>
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(15);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly SigningConfigurationRetriever _retriever = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _minimumRefreshInterval;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastForcedRefresh;
    private Task<ChannelSigningConfiguration?>? _pendingRefresh;

    public SigningKeySource(string metadataUrl, IHttpClientFactory httpClientFactory, BotOptions options, TimeProvider time, ILogger logger)
    {
        MetadataUrl = metadataUrl;
        _time = time;
        _logger = logger;
        _minimumRefreshInterval = options.SigningKeyRefreshMinimumInterval;
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, _retriever, new FactoryDocumentRetriever(httpClientFactory))
        {
            AutomaticRefreshInterval = options.SigningKeyAutomaticRefreshInterval,

            // Our own gate (driven by TimeProvider) decides when a forced refresh is allowed; keep the manager's own
            // wall-clock gate at its minimum so it never silently ignores a refresh we asked for.
            RefreshInterval = ConfigurationManager<OpenIdConnectConfiguration>.MinimumRefreshInterval,
        };
    }

    public string MetadataUrl { get; }

    /// <summary>The key with this kid, refreshing once if unknown; null when it is still unknown.</summary>
    /// <exception cref="InvalidOperationException">The metadata could never be fetched.</exception>
    public async Task<SigningKeyEntry?> FindKeyAsync(string kid, CancellationToken cancellationToken)
    {
        var current = (ChannelSigningConfiguration)await _manager.GetConfigurationAsync(cancellationToken);
        if (current.KeysById.TryGetValue(kid, out var entry))
        {
            return entry;
        }

        var refreshed = await RefreshOnceAsync(kid, cancellationToken);
        return refreshed is not null && refreshed.KeysById.TryGetValue(kid, out entry) ? entry : null;
    }

    private Task<ChannelSigningConfiguration?> RefreshOnceAsync(string kid, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_pendingRefresh is { IsCompleted: false })
            {
                return _pendingRefresh.WaitAsync(cancellationToken);
            }

            if (_lastForcedRefresh is { } last && now - last < _minimumRefreshInterval)
            {
                // Too soon for another fetch: answer from the last one. A request that read the configuration just before
                // that refresh finished finds the rotated key there instead of being refused.
                return _pendingRefresh?.WaitAsync(cancellationToken) ?? Task.FromResult<ChannelSigningConfiguration?>(null);
            }

            _lastForcedRefresh = now;
            AuthLog.SigningKeyRefreshRequested(_logger, kid, MetadataUrl);
            _pendingRefresh = RefreshAsync();
            return _pendingRefresh.WaitAsync(cancellationToken);
        }
    }

    private async Task<ChannelSigningConfiguration?> RefreshAsync()
    {
        var next = _retriever.NextFetch;
        _manager.RequestRefresh();
        try
        {
            return await next.WaitAsync(RefreshWait);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            AuthLog.SigningKeyRefreshFailed(_logger, MetadataUrl, ex);
            return null;
        }
    }
}
