using EvalBot.Persistence;
using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>
/// Whether an activity's stored values fit their columns (<see cref="ActivityColumns"/>). Teams never sends longer ones;
/// an activity that does is refused before anything is written, on both databases alike.
/// </summary>
public static class ActivityLimits
{
    /// <summary>
    /// The longest turn key (<see cref="TurnKeys.For"/>): a reply's outbox key adds its kind, two colons and its number.
    /// </summary>
    public const int TurnKey = ActivityColumns.OutboxKey - ActivityColumns.OutboxKind - 8;

    /// <summary>The first value longer than its column, by its name in the activity; null when every one fits.</summary>
    public static string? FirstTooLong(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Over("id", activity.Id, ActivityColumns.ActivityId)
            ?? Over("replyToId", activity.ReplyToId, ActivityColumns.ActivityId)
            ?? Over("conversation.id", activity.Conversation?.Id, ActivityColumns.ConversationId)
            ?? Over("conversation.conversationType", activity.Conversation?.ConversationType, ActivityColumns.ConversationType)
            ?? Over("serviceUrl", activity.ServiceUrl, ActivityColumns.ServiceUrl)
            ?? Over("channelId", activity.ChannelId, ActivityColumns.ChannelId)
            ?? Over("tenant", activity.TenantId, ActivityColumns.TenantId)
            ?? Over("from.id", activity.From?.Id, ActivityColumns.AccountId)
            ?? Over("from.aadObjectId", activity.From?.AadObjectId, ActivityColumns.AadObjectId)
            ?? Over("from.name", activity.From?.Name, ActivityColumns.AccountName)
            ?? Over("recipient.id", activity.Recipient?.Id, ActivityColumns.AccountId)
            ?? Over("recipient.name", activity.Recipient?.Name, ActivityColumns.AccountName)
            ?? Over("locale", activity.EffectiveLocale, ActivityColumns.Locale)
            ?? (TurnKeys.Length(activity) > TurnKey ? "channelId, conversation.id and id together" : null);
    }

    private static string? Over(string name, string? value, int max) => value?.Length > max ? name : null;
}
