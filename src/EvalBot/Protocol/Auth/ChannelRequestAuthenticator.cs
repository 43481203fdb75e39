using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EvalBot.Protocol.Auth;

/// <summary>
/// Validates the bearer token of an inbound channel request (protocol.md §2): Bot Framework tokens (endorsed key,
/// matching <c>serviceurl</c>) or Entra tokens of the accepted tenants; anonymous loopback requests when auth is off.
/// </summary>
public sealed class ChannelRequestAuthenticator : IChannelRequestAuthenticator
{
    private readonly BotOptions _options;
    private readonly ChannelIssuers _issuers;
    private readonly ChannelTokenValidation _validation;
    private readonly SigningKeySource _botFrameworkKeys;
    private readonly SigningKeySource _entraKeys;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new();

    public ChannelRequestAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<ChannelRequestAuthenticator> logger)
    {
        _options = options.Value;
        _logger = logger;
        _issuers = new ChannelIssuers(_options.TenantId);
        _validation = new ChannelTokenValidation(time);
        _botFrameworkKeys = new SigningKeySource(_options.OpenIdMetadataUrl, httpClientFactory, _options, time, logger);
        _entraKeys = string.Equals(_options.EntraMetadataUrl, _options.OpenIdMetadataUrl, StringComparison.Ordinal)
            ? _botFrameworkKeys
            : new SigningKeySource(_options.EntraMetadataUrl, httpClientFactory, _options, time, logger);
    }

    public async Task<ChannelAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var result = _options.AuthEnabled
            ? await AuthenticateTokenAsync(authorizationHeader, channelId, serviceUrl, cancellationToken)
            : AuthenticateDevelopment(authorizationHeader, serviceUrl);
        if (result.FailureReason is { } reason)
        {
            AuthLog.ChannelRequestRefused(_logger, reason);
        }

        return result;
    }

    private ChannelAuthResult AuthenticateDevelopment(string? authorizationHeader, string? serviceUrl)
    {
        // Bot Builder would still validate a token here; without an app id there is no audience to check it
        // against, so a token in auth-off mode is refused rather than half-validated.
        if (authorizationHeader is not null)
        {
            return ChannelAuthResult.Fail("auth is off (no app id), so a token cannot be validated");
        }

        if (!LoopbackUrl.IsLoopbackHttp(serviceUrl))
        {
            return ChannelAuthResult.Fail("auth is off and the serviceUrl is not a loopback address");
        }

        AuthLog.AnonymousDevelopmentAccepted(_logger, serviceUrl!);
        return ChannelAuthResult.AnonymousDevelopment;
    }

    private async Task<ChannelAuthResult> AuthenticateTokenAsync(string? header, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (BearerToken.FromHeader(header) is not { } token)
        {
            return ChannelAuthResult.Fail(header is null ? "no Authorization header" : "Authorization header is not 'Bearer <token>'");
        }

        if (BearerToken.TryRead(token) is not { IsEncrypted: false } jwt)
        {
            return ChannelAuthResult.Fail("bearer value is not a signed JWT");
        }

        if (!ChannelTokenValidation.AllowedAlgorithms.Contains(jwt.Alg))
        {
            return ChannelAuthResult.Fail($"signing algorithm '{jwt.Alg}' not allowed");
        }

        var family = _issuers.Classify(jwt.Issuer, out var tenantId);
        if (family == ChannelIssuerFamily.Unknown)
        {
            return ChannelAuthResult.Fail("issuer not accepted");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return ChannelAuthResult.Fail("token has no kid");
        }

        var keys = family == ChannelIssuerFamily.BotFramework ? _botFrameworkKeys : _entraKeys;
        SigningKeyEntry? key;
        try
        {
            key = await keys.FindKeyAsync(jwt.Kid, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            AuthLog.SigningKeysUnavailable(_logger, keys.MetadataUrl, ex);
            return ChannelAuthResult.Fail("signing keys unavailable");
        }

        if (key is null)
        {
            return ChannelAuthResult.Fail("signing key unknown (after one refresh)");
        }

        return family == ChannelIssuerFamily.BotFramework
            ? await ValidateBotFrameworkAsync(token, key, channelId, serviceUrl)
            : await ValidateEntraAsync(token, jwt.Issuer, key, tenantId!, serviceUrl);
    }

    private async Task<ChannelAuthResult> ValidateBotFrameworkAsync(string token, SigningKeyEntry key, string? channelId, string? serviceUrl)
    {
        if (key.Endorsements is null)
        {
            return ChannelAuthResult.Fail("signing key has no endorsements");
        }

        if (channelId is null || !key.Endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return ChannelAuthResult.Fail("signing key is not endorsed for the activity's channel");
        }

        var result = await _handler.ValidateTokenAsync(token, _validation.Parameters(ChannelIssuers.BotFramework, [_options.MicrosoftAppId], key.Key));
        if (!result.IsValid)
        {
            return ChannelAuthResult.Fail(ChannelTokenValidation.Describe(result.Exception));
        }

        var claimed = ((JsonWebToken)result.SecurityToken).TryGetPayloadValue<string>("serviceurl", out var value) ? value : null;
        return BearerToken.ServiceUrlsMatch(claimed, serviceUrl)
            ? ChannelAuthResult.Authenticated
            : ChannelAuthResult.Fail("serviceurl claim does not match the activity's serviceUrl");
    }

    private async Task<ChannelAuthResult> ValidateEntraAsync(string token, string issuer, SigningKeyEntry key, string tenantId, string? serviceUrl)
    {
        if (!ChannelIssuers.KeyIssuerMatches(key.Issuer, tenantId))
        {
            return ChannelAuthResult.Fail("signing key belongs to another tenant");
        }

        var audiences = new[] { _options.MicrosoftAppId, "api://" + _options.MicrosoftAppId };
        var result = await _handler.ValidateTokenAsync(token, _validation.Parameters(issuer, audiences, key.Key));
        if (!result.IsValid)
        {
            return ChannelAuthResult.Fail(ChannelTokenValidation.Describe(result.Exception));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (jwt.TryGetPayloadValue<string>("tid", out var tid) && !string.Equals(tid, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthResult.Fail("tid claim does not match the issuer's tenant");
        }

        // Entra channel tokens need not carry serviceurl; when one does, it must still match.
        return !jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) || BearerToken.ServiceUrlsMatch(claimed, serviceUrl)
            ? ChannelAuthResult.Authenticated
            : ChannelAuthResult.Fail("serviceurl claim does not match the activity's serviceUrl");
    }
}
