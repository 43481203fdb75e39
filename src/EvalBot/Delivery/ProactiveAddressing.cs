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
public sealed class ProactiveAddressing(EvalBotDbContext db, IOptions<BotOptions> bot)
{
    /// <summary>Public-cloud Teams serviceUrl for a first contact when none has been seen yet.</summary>
    public const string DefaultTeamsServiceUrl = "https://smba.trafficmanager.net/teams/";

    public async Task<ProactiveRecipient?> ForAsync(Person person, string? period, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (string.IsNullOrWhiteSpace(person.AadObjectId))
        {
            return null;
        }

        var own = await db.ConversationReferences.AsNoTracking()
            .Where(c => c.UserAadObjectId == person.AadObjectId)
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var any = own ?? await db.ConversationReferences.AsNoTracking()
            .Where(c => c.BotId != null && c.TenantId != null)
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);

        var options = bot.Value;
        var tenant = any?.TenantId ?? NullIfEmpty(options.TenantId);
        var botId = any?.BotId ?? (options.AuthEnabled ? "28:" + options.MicrosoftAppId : null);
        var serviceUrl = any?.ServiceUrl ?? DefaultTeamsServiceUrl;
        return tenant is null || botId is null
            ? null
            : new ProactiveRecipient(person.AadObjectId, tenant, botId, serviceUrl, person.Id, period, notBefore);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
