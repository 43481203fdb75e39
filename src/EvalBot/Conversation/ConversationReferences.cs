using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Conversation;

/// <summary>
/// Keeps, for every conversation the bot is in, what a proactive message needs: the serviceUrl (refreshed from every
/// inbound activity), the tenant, the bot and user accounts. Uninstalling marks it inactive.
/// </summary>
public sealed class ConversationReferences(EvalBotDbContext db)
{
    /// <summary>A conversation's reference, tracked: compiled once, read on every turn.</summary>
    private static readonly ModelQuery<string, ConversationReference?> ByConversation =
        new((context, conversationId) => context.ConversationReferences.SingleOrDefault(c => c.ConversationId == conversationId));

    /// <summary>
    /// Creates or refreshes the reference for this activity's conversation, in the caller's unit of work. Returns false,
    /// changing nothing, when the activity comes into a personal chat that belongs to someone else: a personal
    /// conversation belongs to the user it was first seen with, so a campaign can never be redirected into another
    /// person's chat; the caller refuses the activity. <paramref name="now"/> is the turn's moment.
    /// </summary>
    public async Task<bool> TrackAsync(Activity activity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return true;
        }

        var reference = await ByConversation.RunAsync(db, conversationId, cancellationToken);
        if (reference is not null && IsSomeoneElses(reference, activity))
        {
            return false;
        }

        if (reference is null)
        {
            reference = new ConversationReference
            {
                ConversationId = conversationId,
                ServiceUrl = serviceUrl,
                ChannelId = activity.ChannelId ?? "",
                CreatedAt = now,
            };
            db.ConversationReferences.Add(reference);
        }

        reference.ServiceUrl = serviceUrl;
        reference.ChannelId = activity.ChannelId ?? reference.ChannelId;
        reference.ConversationType = activity.Conversation.ConversationType ?? reference.ConversationType;
        reference.TenantId = activity.TenantId ?? reference.TenantId;
        reference.BotId = activity.Recipient?.Id ?? reference.BotId;
        reference.BotName = activity.Recipient?.Name ?? reference.BotName;

        // In a personal chat the sender is the user the conversation belongs to (the first one seen: anyone else was
        // refused above); in channels senders vary.
        if (activity.Conversation.ConversationType is null or "personal" && activity.From?.Id is { } userId && activity.Type != ActivityTypes.ConversationUpdate)
        {
            reference.UserId = userId;
            reference.UserAadObjectId = activity.From.AadObjectId ?? reference.UserAadObjectId;
            reference.UserName = activity.From.Name ?? reference.UserName;
        }

        reference.Locale = activity.EffectiveLocale ?? reference.Locale;
        TrackInstall(reference, activity);

        // A turn that changes nothing writes nothing, unless the row's moment is over a minute old (it orders a person's
        // chats by their latest use).
        if (db.Entry(reference).State != EntityState.Unchanged || now - reference.UpdatedAt >= Touch)
        {
            reference.UpdatedAt = now;
        }

        return true;
    }

    /// <summary>Uninstalling marks the reference inactive (a new install epoch); any other activity that reaches the bot, active.</summary>
    private static void TrackInstall(ConversationReference reference, Activity activity)
    {
        if (activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "remove" or "remove-upgrade")
        {
            reference.IsActive = false;
            reference.InstallEpoch++;
        }
        else if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate)
        {
            reference.IsActive = true;
        }
    }

    /// <summary>How stale a reference's moment may get before an unchanged turn refreshes it.</summary>
    private static readonly TimeSpan Touch = TimeSpan.FromMinutes(1);

    private static bool IsSomeoneElses(ConversationReference owner, Activity activity)
    {
        if (owner.ConversationType is not (null or "personal") || SharedConversation.Is(activity) || activity.Type == ActivityTypes.ConversationUpdate)
        {
            return false;
        }

        var from = activity.From;
        return (owner.UserAadObjectId is { Length: > 0 } aad && !string.Equals(aad, from?.AadObjectId, StringComparison.OrdinalIgnoreCase))
            || (owner.UserAadObjectId is null && owner.UserId is { Length: > 0 } id && !string.Equals(id, from?.Id, StringComparison.Ordinal));
    }
}
