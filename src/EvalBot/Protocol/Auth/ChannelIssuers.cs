namespace EvalBot.Protocol.Auth;

/// <summary>Which family issued a channel token; it decides the key source and the extra checks.</summary>
public enum ChannelIssuerFamily
{
    Unknown,

    /// <summary><c>https://api.botframework.com</c>: keys with endorsements, and a <c>serviceurl</c> claim.</summary>
    BotFramework,

    /// <summary>Entra ID (v1 or v2 issuer) of one of the accepted tenants.</summary>
    Entra,
}

/// <summary>
/// The issuers accepted for channel tokens: the Bot Framework one, and the Entra v1/v2 issuers of the Bot Service
/// tenants plus the bot's own tenant (Azure Bot Service is moving channels to Entra-issued tokens).
/// </summary>
public sealed class ChannelIssuers
{
    public const string BotFramework = "https://api.botframework.com";

    /// <summary>Tenants whose Entra tokens Azure Bot Service uses for channels (botframework.com and two service tenants).</summary>
    public static readonly IReadOnlyList<string> ServiceTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private readonly Dictionary<string, string> _entraIssuerToTenant = new(StringComparer.Ordinal);

    /// <param name="botTenantId">The bot's own tenant; used only when it is a GUID (a domain cannot appear in an issuer).</param>
    public ChannelIssuers(string? botTenantId)
    {
        var tenants = ServiceTenants.ToList();
        if (Guid.TryParse(botTenantId, out var tenant))
        {
            tenants.Add(tenant.ToString("D"));
        }

        foreach (var tid in tenants)
        {
            _entraIssuerToTenant[EntraV1Issuer(tid)] = tid;
            _entraIssuerToTenant[EntraV2Issuer(tid)] = tid;
        }
    }

    public static string EntraV1Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    public static string EntraV2Issuer(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    /// <summary>Classifies an (unvalidated) issuer; for Entra also returns the tenant the issuer names.</summary>
    public ChannelIssuerFamily Classify(string? issuer, out string? tenantId)
    {
        tenantId = null;
        if (string.Equals(issuer, BotFramework, StringComparison.Ordinal))
        {
            return ChannelIssuerFamily.BotFramework;
        }

        return issuer is not null && _entraIssuerToTenant.TryGetValue(issuer, out tenantId)
            ? ChannelIssuerFamily.Entra
            : ChannelIssuerFamily.Unknown;
    }

    /// <summary>
    /// Entra publishes keys with an <c>issuer</c> member (often templated with <c>{tenantid}</c>). A key bound to an
    /// issuer may only sign tokens of that tenant; keys without the member are not restricted.
    /// </summary>
    public static bool KeyIssuerMatches(string? keyIssuer, string tenantId)
    {
        if (string.IsNullOrEmpty(keyIssuer))
        {
            return true;
        }

        var resolved = keyIssuer.Replace("{tenantid}", tenantId, StringComparison.OrdinalIgnoreCase);
        return string.Equals(resolved, EntraV1Issuer(tenantId), StringComparison.OrdinalIgnoreCase)
            || string.Equals(resolved, EntraV2Issuer(tenantId), StringComparison.OrdinalIgnoreCase);
    }
}
