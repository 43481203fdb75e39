using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EvalBot.Protocol;

/// <summary>
/// A Bot Framework activity, deliberately thin: the fields EvalBot reads or writes are typed, and every other
/// field is kept in <see cref="Extra"/> so unknown or new Teams fields survive a round trip untouched.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Timestamp { get; init; }
    public string? LocalTimestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<JsonObject>? Entities { get; init; }
    public JsonObject? ChannelData { get; init; }
    public JsonNode? Value { get; init; }
    public string? Name { get; init; }
    public string? Action { get; init; }
    public string? ReplyToId { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The tenant, preferring <c>conversation.tenantId</c> and falling back to Teams' <c>channelData.tenant.id</c>.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? JsonRead.Text(JsonRead.ObjectAt(ChannelData, "tenant"), "id");

    /// <summary>The user's locale from the activity, or from its clientInfo entity.</summary>
    [JsonIgnore]
    public string? EffectiveLocale =>
        !string.IsNullOrWhiteSpace(Locale)
            ? Locale
            : JsonRead.Text(Entities?.FirstOrDefault(e => JsonRead.Text(e, "type") == "clientInfo"), "locale");
}


/// <summary>A user or bot account (<c>from</c>, <c>recipient</c>, members).</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>An attachment such as an Adaptive Card (<c>application/vnd.microsoft.card.adaptive</c>).</summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }
    public JsonNode? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
