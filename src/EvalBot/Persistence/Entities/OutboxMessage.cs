namespace EvalBot.Persistence.Entities;

/// <summary>
/// An activity to deliver to Teams. Written in the same transaction as the change that caused it and sent
/// afterwards by the outbox sender, so an acknowledged turn never loses its reply and a crash never sends twice.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Unique: the same logical message (e.g. one prompt per person, period and kind) is queued once.</summary>
    public required string DedupeKey { get; set; }
    public required string Kind { get; set; }
    /// <summary>Null for a proactive message to someone with no conversation yet: the sender creates it first.</summary>
    public string? ConversationId { get; set; }
    public required string ServiceUrl { get; set; }

    /// <summary>For proactive messages: who it is for (Entra object id), in which tenant, from which bot account.</summary>
    public string? RecipientAadObjectId { get; set; }
    public string? TenantId { get; set; }
    public string? BotId { get; set; }

    /// <summary>For campaign messages: the person and period, so deliveries can be reported per period.</summary>
    public long? PersonId { get; set; }
    public string? Period { get; set; }

    /// <summary>When set, the message is a reply to (or, with <see cref="UpdateActivityId"/>, an update of) that activity.</summary>
    public string? ReplyToId { get; set; }
    public string? UpdateActivityId { get; set; }
    public required string ActivityJson { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }

    /// <summary>
    /// Committed just before the HTTP call. A row whose lease expired without it was claimed but never sent (it goes back
    /// to Pending); a row with it may or may not have reached Teams, so it is marked failed rather than risk a duplicate.
    /// </summary>
    public DateTimeOffset? SendStartedAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }

    /// <summary>The id Teams gave the sent activity, to update the card later.</summary>
    public string? SentActivityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,

    /// <summary>Claimed and being sent. A row found here after its lease expired was interrupted mid-call; it is not resent.</summary>
    Sending = 1,
    Sent = 2,
    Failed = 3,
}
