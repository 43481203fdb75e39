namespace EvalBot.Persistence.Entities;

/// <summary>
/// Where and how to reach a user proactively: stored on install and refreshed from every inbound activity,
/// because Teams may move a conversation to another serviceUrl.
/// </summary>
public sealed class ConversationReference
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string ServiceUrl { get; set; }
    public required string ChannelId { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? BotId { get; set; }
    public string? BotName { get; set; }
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public string? UserName { get; set; }
    public string? Locale { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Counts uninstalls, so a re-install is welcomed again but one install is welcomed once.</summary>
    public int InstallEpoch { get; set; }

    /// <summary>The last permanent failure from Teams for this conversation (403 blocked or uninstalled, 404 gone).</summary>
    public int? LastFailureStatus { get; set; }
    public string? LastFailureCode { get; set; }
    public DateTimeOffset? LastFailureAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
