using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Delivery;

/// <summary>
/// Works out how to reach a person proactively: through the conversation the bot already has with them, or else with
/// the bot account, tenant and serviceUrl learnt from other conversations (falling back to configuration), so the
/// sender can create the personal chat.
/// </summary>
public sealed class ProactiveAddressing(EvalBotDbContext db, IOptions<BotOptions> bot, OrganisationTenant organisation)
{
    /// <summary>Public-cloud Teams serviceUrl for a first contact when none has been seen yet.</summary>
    public const string DefaultTeamsServiceUrl = "https://smba.trafficmanager.net/teams/";

    private readonly Dictionary<string, ConversationReference?> _prepared = new(StringComparer.Ordinal);
    private ConversationReference? _anyKnown;
    private bool _anyKnownLoaded;
    private string? _tenant;
    private bool _tenantLoaded;

    /// <summary>
    /// Reads in one query the chats of many people about to be addressed (a campaign batch, replacing the previous
    /// one), so that <see cref="ForAsync"/> needs no query of its own for them.
    /// </summary>
    public async Task PrepareAsync(IEnumerable<Person> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        _prepared.Clear();
        var ids = people.Select(p => p.AadObjectId).OfType<string>().Where(id => id.Length > 0).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var tenant = await TenantAsync(cancellationToken);
        var references = await db.ConversationReferences.AsNoTracking()
            .Where(c => c.UserAadObjectId != null && ids.Contains(c.UserAadObjectId) && (tenant == null || c.TenantId == tenant))
            .ToListAsync(cancellationToken);
        var latest = references.GroupBy(c => c.UserAadObjectId!).ToDictionary(g => g.Key, g => g.MaxBy(c => c.UpdatedAt), StringComparer.Ordinal);
        foreach (var id in ids)
        {
            _prepared[id] = latest.GetValueOrDefault(id);
        }
    }

    public async Task<ProactiveRecipient?> ForAsync(Person person, string? period, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (string.IsNullOrWhiteSpace(person.AadObjectId))
        {
            return null;
        }

        var tenant = await TenantAsync(cancellationToken);
        var own = _prepared.TryGetValue(person.AadObjectId, out var prepared)
            ? prepared
            : await db.ConversationReferences.AsNoTracking()
                .Where(c => c.UserAadObjectId == person.AadObjectId && (tenant == null || c.TenantId == tenant))
                .OrderByDescending(c => c.UpdatedAt)
                .FirstOrDefaultAsync(cancellationToken);
        var any = own ?? await AnyKnownAsync(tenant, cancellationToken);

        var options = bot.Value;
        tenant = any?.TenantId ?? tenant ?? NullIfEmpty(options.TenantId);
        var botId = any?.BotId ?? (options.AuthEnabled ? "28:" + options.MicrosoftAppId : null);
        var serviceUrl = any?.ServiceUrl ?? DefaultTeamsServiceUrl;
        return tenant is null || botId is null
            ? null
            : new ProactiveRecipient(person.AadObjectId, tenant, botId, serviceUrl, person.Id, period, notBefore);
    }

    /// <summary>
    /// The newest chat that names the bot account and the organisation's tenant, read once per scope: a new personal chat
    /// is only ever opened from a reference of that tenant, never from a stranger's.
    /// </summary>
    private async Task<ConversationReference?> AnyKnownAsync(string? tenant, CancellationToken cancellationToken)
    {
        if (!_anyKnownLoaded)
        {
            // No tenant yet means no member of the organisation has talked to the bot: nothing to learn the way from.
            _anyKnown = tenant is null ? null : await db.ConversationReferences.AsNoTracking()
                .Where(c => c.BotId != null && c.TenantId == tenant)
                .OrderByDescending(c => c.UpdatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            _anyKnownLoaded = true;
        }

        return _anyKnown;
    }

    /// <summary>The organisation's tenant, read once per scope (a campaign batch asks for it per person).</summary>
    private async Task<string?> TenantAsync(CancellationToken cancellationToken)
    {
        if (!_tenantLoaded)
        {
            _tenant = await organisation.CurrentAsync(cancellationToken);
            _tenantLoaded = _tenant is not null;
        }

        return _tenant;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
