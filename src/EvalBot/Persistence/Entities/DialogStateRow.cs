namespace EvalBot.Persistence.Entities;

/// <summary>The dialog a user is in, per conversation and user, so a restart or another instance continues it.</summary>
public sealed class DialogStateRow
{
    public required string ConversationId { get; set; }
    public required string UserKey { get; set; }
    public required string DialogId { get; set; }
    public int Step { get; set; }
    public string DataJson { get; set; } = "{}";

    /// <summary>Optimistic concurrency: two instances writing the same dialog at once cannot lose an update.</summary>
    public Guid Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
