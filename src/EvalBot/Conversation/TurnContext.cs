using System.Text.Json.Nodes;
using EvalBot.Delivery;
using EvalBot.Persistence;
using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>
/// One inbound activity being handled: who sent it (from the activity, never from card data), their language,
/// the database unit of work, and the replies to deliver once the turn commits.
/// </summary>
public sealed class TurnContext(Activity activity, EvalBotDbContext db, OutboxWriter outbox, DateTimeOffset now)
{
    private int _replyCount;

    public Activity Activity { get; } = activity;

    public EvalBotDbContext Db { get; } = db;

    /// <summary>The instant the turn started, from the app's TimeProvider.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary><c>vi</c> or <c>en</c>.</summary>
    public string Locale { get; } = UserLocale.From(activity.EffectiveLocale);

    /// <summary>The key dialog state is stored under: the Entra object id, or the channel user id outside Teams.</summary>
    public string UserKey => Activity.From?.AadObjectId ?? Activity.From?.Id ?? "anonymous";

    /// <summary>The Entra object id of the user: the only identity EvalBot trusts. Null outside Teams-like channels.</summary>
    public string? UserAadObjectId => Activity.From?.AadObjectId;

    public string ConversationId => Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");

    public string ServiceUrl => Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");

    /// <summary>Queues a reply in this conversation; it is sent after the turn commits, once.</summary>
    public void Reply(JsonObject message, string kind = "reply")
    {
        var key = $"{kind}:{TurnKeys.For(Activity)}:{_replyCount++}";
        outbox.Enqueue(key, kind, ServiceUrl, ConversationId, message, replyToId: Activity.Id, updateActivityId: null);
    }

    /// <summary>Queues an update of a card the bot sent earlier (PUT), e.g. after an Action.Submit.</summary>
    public void UpdateMessage(string activityId, JsonObject message, string kind = "update")
    {
        var key = $"{kind}:{TurnKeys.For(Activity)}:{_replyCount++}";
        outbox.Enqueue(key, kind, ServiceUrl, ConversationId, message, replyToId: null, updateActivityId: activityId);
    }

    /// <summary>A message activity with one Adaptive Card.</summary>
    public static JsonObject CardMessage(JsonObject card, string? summary = null)
    {
        var message = new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = ActivityTypes.AdaptiveCardContentType,
                ["content"] = card,
            }),
        };
        if (summary is not null)
        {
            message["summary"] = summary;
        }

        return message;
    }

    public static JsonObject TextMessage(string text) =>
        new() { ["type"] = ActivityTypes.Message, ["text"] = text, ["textFormat"] = "plain" };
}

/// <summary>Keys that identify an inbound activity across redeliveries.</summary>
public static class TurnKeys
{
    public static string For(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}";
    }
}
