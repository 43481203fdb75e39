namespace EvalBot.Persistence.Entities;

/// <summary>
/// One row per inbound activity that changed something, written in the same transaction as its effects,
/// so that Teams redelivering the same activity id finds it and changes nothing.
/// For invokes, the response is kept so that a redelivery gets the same answer.
/// </summary>
public sealed class ProcessedActivity
{
    /// <summary>channelId|conversationId|activityId.</summary>
    public required string Key { get; set; }
    public string? ResponseJson { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
