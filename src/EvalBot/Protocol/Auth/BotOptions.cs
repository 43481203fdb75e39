namespace EvalBot.Protocol.Auth;

/// <summary>
/// The bot's identity and how it authenticates (configuration section <c>Bot</c>).
/// An empty <see cref="MicrosoftAppId"/> means local development with auth disabled.
/// </summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The Bot Framework public OpenID metadata that lists the channel signing keys and their endorsements.</summary>
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Entra ID metadata for tokens issued by Entra to Azure Bot Service (v2 endpoint, common tenant).</summary>
    public const string EntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The Entra app (client) id of the bot registration. Empty: auth off (refused in Production).</summary>
    public string MicrosoftAppId { get; set; } = "";

    /// <summary>Client secret for outbound tokens. Either this or a certificate.</summary>
    public string MicrosoftAppPassword { get; set; } = "";

    /// <summary>Path to a PFX certificate for outbound tokens, instead of a secret.</summary>
    public string CertificatePath { get; set; } = "";

    public string CertificatePassword { get; set; } = "";

    /// <summary>
    /// The bot's Entra tenant id. New Azure Bot registrations are single-tenant (multi-tenant ones can no longer be
    /// created), so set this: it is the outbound token authority and an accepted inbound Entra issuer. Empty means the
    /// legacy multi-tenant authority "botframework.com", which fails for single-tenant apps (AADSTS700016).
    /// </summary>
    public string TenantId { get; set; } = "";

    /// <summary>Where the Bot Framework channel keys are published. Tests point this at their own metadata.</summary>
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadataUrl;

    /// <summary>Where Entra-issued channel token keys are published. Tests point this at their own metadata.</summary>
    public string EntraMetadataUrl { get; set; } = EntraOpenIdMetadataUrl;

    /// <summary>Authority host for outbound client-credential tokens.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>
    /// After a token names an unknown signing key, the keys are re-fetched at most once per this interval,
    /// so a flood of forged key ids cannot make the bot hammer the metadata endpoint.
    /// </summary>
    public TimeSpan SigningKeyRefreshMinimumInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the signing keys are re-fetched regardless (key rotation). At least 5 minutes.</summary>
    public TimeSpan SigningKeyAutomaticRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    public bool AuthEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
