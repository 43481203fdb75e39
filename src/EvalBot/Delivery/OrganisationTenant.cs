using EvalBot.Persistence;
using EvalBot.Protocol.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Delivery;

/// <summary>
/// The Entra tenant of the organisation: <c>Bot:TenantId</c> when configured, else the tenant of the first conversation
/// the bot had with a person of the organisation (pinned from then on, and logged once). Activities from any other
/// tenant are refused before anything is stored, and new personal chats are only opened in this tenant.
/// </summary>
public sealed partial class OrganisationTenant(EvalBotDbContext db, IOptions<BotOptions> bot, OrganisationTenant.Pin pin, ILogger<OrganisationTenant> logger)
{
    /// <summary>The tenant, or null while none is configured and no member of the organisation has talked to the bot.</summary>
    public async Task<string?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (bot.Value.TenantId is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        if (pin.Tenant is { } pinned)
        {
            return pinned;
        }

        var first = await db.ConversationReferences.AsNoTracking()
            .Where(c => c.TenantId != null && c.UserAadObjectId != null && db.People.Any(p => p.AadObjectId == c.UserAadObjectId))
            .OrderBy(c => c.Id)
            .Select(c => c.TenantId)
            .FirstOrDefaultAsync(cancellationToken);
        if (first is not null && pin.Set(first))
        {
            LogPinned(logger, first);
        }

        return first;
    }

    /// <summary>
    /// Whether an activity of <paramref name="tenantId"/> may be served: always while the organisation's tenant is not
    /// known yet, else only from that tenant (an activity that names none is refused too).
    /// </summary>
    public async Task<bool> AcceptsAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var tenant = await CurrentAsync(cancellationToken);
        return tenant is null || string.Equals(tenant, tenantId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The pinned tenant, kept for the life of the process once found (it never changes after).</summary>
    public sealed class Pin
    {
        private string? _tenant;

        public string? Tenant => Volatile.Read(ref _tenant);

        public bool Set(string tenant) => Interlocked.CompareExchange(ref _tenant, tenant, null) is null;
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Bot:TenantId is not set: the organisation's tenant is pinned to {Tenant}, the tenant of its first member to talk to the bot; activities from other tenants are refused")]
    private static partial void LogPinned(ILogger logger, string tenant);
}
