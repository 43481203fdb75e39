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
        (string Name, string? Value, int Max)[] values =
        [
            ("id", activity.Id, ActivityColumns.ActivityId),
            ("replyToId", activity.ReplyToId, ActivityColumns.ActivityId),
            ("conversation.id", activity.Conversation?.Id, ActivityColumns.ConversationId),
            ("conversation.conversationType", activity.Conversation?.ConversationType, ActivityColumns.ConversationType),
            ("serviceUrl", activity.ServiceUrl, ActivityColumns.ServiceUrl),
            ("channelId", activity.ChannelId, ActivityColumns.ChannelId),
            ("tenant", activity.TenantId, ActivityColumns.TenantId),
            ("from.id", activity.From?.Id, ActivityColumns.AccountId),
            ("from.aadObjectId", activity.From?.AadObjectId, ActivityColumns.AadObjectId),
            ("from.name", activity.From?.Name, ActivityColumns.AccountName),
            ("recipient.id", activity.Recipient?.Id, ActivityColumns.AccountId),
            ("recipient.name", activity.Recipient?.Name, ActivityColumns.AccountName),
            ("locale", activity.EffectiveLocale, ActivityColumns.Locale),
        ];
        foreach (var (name, value, max) in values)
        {
            if (value?.Length > max) return name;
        }

        // An activity without an id is keyed by a new 33-character one (TurnKeys.For).
        var key = (activity.ChannelId?.Length ?? 0) + (activity.Conversation?.Id?.Length ?? 0) + (activity.Id is { Length: > 0 } id ? id.Length : 33) + 2;
        return key > TurnKey ? "channelId, conversation.id and id together" : null;
    }
}
