using System.Text.Json.Nodes;
using EvalBot.Delivery;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Conversation;

/// <summary>
/// One inbound activity being handled: who sent it (from the activity, never from card data), their language,
/// the database unit of work, and the replies to deliver once the turn commits.
/// </summary>
public sealed class TurnContext(Activity activity, EvalBotDbContext db, OutboxWriter outbox, DateTimeOffset now, string? lastSeenLocale = null, string? key = null)
{
    /// <summary>The active person with an Entra object id, with their unit: compiled once, read on every turn.</summary>
    private static readonly ModelQuery<string, Person?> ActiveWithUnit =
        new((context, aad) => context.People.Include(p => p.Unit).SingleOrDefault(p => p.AadObjectId == aad && p.IsActive));

    private int _replyCount;
    private int _privateCount;
    private Task<Person?>? _sender;

    public Activity Activity { get; } = activity;

    /// <summary>The turn's key (<see cref="TurnKeys.For"/>), from which the keys of its replies are made.</summary>
    public string Key { get; } = key ?? TurnKeys.For(activity);

    /// <summary>The activity a reply answers: its id, or none (a new message in the conversation) when it has no id.</summary>
    private string? ReplyToId => Activity.Id is { Length: > 0 } id ? id : null;

    public EvalBotDbContext Db { get; } = db;

    /// <summary>The instant the turn started, from the app's TimeProvider.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>
    /// The Teams locale of the turn as <c>vi</c> or <c>en</c>: the activity's, else the last one seen in this
    /// conversation (an install or a card action may carry none), else Vietnamese.
    /// </summary>
    public string Locale { get; } = UserLocale.From(activity.EffectiveLocale ?? lastSeenLocale);

    /// <summary>
    /// The language every answer of the turn is written in: the sender's preferred language when set, else
    /// <see cref="Locale"/>. Known once the sender is read (<see cref="TurnProcessor"/> reads it before routing; a
    /// handler reads it after its own <see cref="SenderAsync"/>).
    /// </summary>
    public string Language => (_sender is { IsCompletedSuccessfully: true } sender ? sender.Result : null).LanguageOr(Locale);

    /// <summary>The Entra object id of the user: the only identity EvalBot trusts. Null outside Teams-like channels.</summary>
    public string? UserAadObjectId => Activity.From?.AadObjectId;

    /// <summary>
    /// "Me": the active person behind the activity's <c>from.aadObjectId</c> (never card data), with their unit, or null
    /// when the sender is not in the organisation. Read from the database once per turn, tracked by the turn's unit of
    /// work; every feature gets the acting person this way.
    /// </summary>
    public Task<Person?> SenderAsync(CancellationToken cancellationToken) =>
        _sender ??= UserAadObjectId is { Length: > 0 } aad
            ? ActiveWithUnit.RunAsync(Db, aad, cancellationToken)
            : Task.FromResult<Person?>(null);

    public string ConversationId => Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");

    public string ServiceUrl => Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");

    /// <summary>
    /// Whether the activity comes from a conversation other people read (a team channel, a group chat). Nothing about a
    /// person's evaluation may be written there: see <see cref="SendsPrivately"/>.
    /// </summary>
    public bool IsShared { get; } = SharedConversation.Is(activity);

    /// <summary>
    /// Set by the router for a turn in a shared conversation: every reply and card update of the turn goes to the
    /// requester's personal chat (the sender creates it when the bot has none yet) instead of the shared conversation.
    /// </summary>
    public bool SendsPrivately { get; internal set; }

    /// <summary>How many replies of this turn went to the requester's personal chat instead of the shared conversation.</summary>
    public int PrivateReplies => _privateCount;

    /// <summary>
    /// Queues a reply in this conversation; it is sent after the turn commits, once. When the turn
    /// <see cref="SendsPrivately"/>, the reply goes to the requester's personal chat instead.
    /// </summary>
    public void Reply(JsonObject message, string kind = "reply") => Reply(PreparedMessage.From(message), kind);

    /// <summary>Queues a reply serialized already (a message that is the same for many turns, kept by its feature).</summary>
    public void Reply(PreparedMessage message, string kind = "reply")
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = $"{kind}:{Key}:{_replyCount++}";
        if (SendsPrivately)
        {
            EnqueuePrivately(key, kind, message.Json);
            return;
        }

        outbox.Enqueue(key, kind, ServiceUrl, ConversationId, message.Json, replyToId: ReplyToId, updateActivityId: null, Now);
    }

    /// <summary>
    /// Queues an update of a card the bot sent earlier (PUT), e.g. after an Action.Submit. When the turn
    /// <see cref="SendsPrivately"/>, the card in the shared conversation is left alone and the updated card goes to the
    /// requester's personal chat as a new message.
    /// </summary>
    public void UpdateMessage(string activityId, JsonObject message, string kind = "update")
    {
        var key = $"{kind}:{Key}:{_replyCount++}";
        if (SendsPrivately)
        {
            EnqueuePrivately(key, kind, PreparedMessage.From(message).Json);
            return;
        }

        outbox.Enqueue(key, kind, ServiceUrl, ConversationId, message, replyToId: null, updateActivityId: activityId, Now);
    }

    /// <summary>Queues a message in the conversation the activity came from, whatever <see cref="SendsPrivately"/> says.</summary>
    internal void ReplyHere(JsonObject message, string kind)
    {
        var key = $"{kind}:{Key}:{_replyCount++}";
        outbox.Enqueue(key, kind, ServiceUrl, ConversationId, message, replyToId: ReplyToId, updateActivityId: null, Now);
    }

    /// <summary>
    /// How to reach the requester privately: their Entra id, the tenant and bot account of the activity. Null when the
    /// activity does not name them (the bot then says so in the shared conversation, without any data).
    /// </summary>
    internal ProactiveRecipient? PrivateRecipient =>
        UserAadObjectId is { Length: > 0 } aad && Activity.TenantId is { Length: > 0 } tenant && Activity.Recipient?.Id is { Length: > 0 } bot && Activity.ServiceUrl is { Length: > 0 } serviceUrl
            ? new ProactiveRecipient(aad, tenant, bot, serviceUrl)
            : null;

    private void EnqueuePrivately(string key, string kind, string message)
    {
        var recipient = PrivateRecipient ?? throw new InvalidOperationException("A private reply needs the requester's Entra id, tenant and bot account.");
        outbox.EnqueueToPerson(key, kind, recipient, message, Now);
        _privateCount++;
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

/// <summary>Which conversations other people read.</summary>
public static class SharedConversation
{
    /// <summary>
    /// A team channel or a group chat (<c>conversationType</c> other than <c>personal</c>, or <c>isGroup</c>). An
    /// activity that names no type is a personal chat (the Bot Framework emulator and older clients send none).
    /// </summary>
    public static bool Is(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = activity.Conversation;
        return conversation?.IsGroup == true
            || (conversation?.ConversationType is { Length: > 0 } type && !string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Keys that identify an inbound activity across redeliveries.</summary>
public static class TurnKeys
{
    /// <summary>
    /// The channel, conversation and activity id. An activity without an id cannot be told from its redeliveries (it
    /// gets no processed mark), so its key is made unique to this delivery: two such activities in one conversation
    /// must not share the keys of their replies.
    /// </summary>
    public static string For(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity.Id is { Length: > 0 } given ? given : "~" + Guid.NewGuid().ToString("N");
        return $"{activity.ChannelId}|{activity.Conversation?.Id}|{id}";
    }

    /// <summary>The length of <see cref="For"/>'s key, without making it.</summary>
    public static int Length(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        const int DeliveryIdLength = 33; // "~" and a Guid's 32 hex digits
        return (activity.ChannelId?.Length ?? 0) + (activity.Conversation?.Id?.Length ?? 0) + (activity.Id is { Length: > 0 } id ? id.Length : DeliveryIdLength) + 2;
    }
}

/// <summary>
/// A message activity serialized once, as the outbox stores and sends it: a feature keeps one for a reply that depends
/// on nothing in the turn (the help card of a language and topic) instead of copying and serializing its card each time.
/// </summary>
public sealed record PreparedMessage(string Json)
{
    public static PreparedMessage From(JsonObject message) => new(System.Text.Json.JsonSerializer.Serialize(message, ProtocolJson.Options));
}
