namespace EvalBot.Persistence.Entities;

/// <summary>
/// An operation the organisation board started from its card (open a period, compile the year…): queued by the turn,
/// claimed and run by one instance's background worker, its progress kept here so that every instance shows the same
/// card, and the card message it updates in Teams.
/// </summary>
public sealed class BoardTask
{
    public long Id { get; set; }

    /// <summary>The operation (<c>period.open</c>, <c>year.compile</c>…) and its argument (a period or a year).</summary>
    public required string Kind { get; set; }
    public required string Argument { get; set; }
    public BoardTaskStatus Status { get; set; }

    /// <summary>The board member who asked: their person id and audit actor (Entra id).</summary>
    public long RequestedByPersonId { get; set; }
    public required string RequestedBy { get; set; }
    public required string Language { get; set; }

    /// <summary>Their Teams user id (the card's refresh is for them).</summary>
    public string? UserId { get; set; }

    /// <summary>Where the board card is, to update it as the work goes (null message id: a new message at the end).</summary>
    public required string ServiceUrl { get; set; }
    public required string ConversationId { get; set; }
    public string? CardActivityId { get; set; }

    public int Done { get; set; }
    public int Total { get; set; }

    /// <summary>What came of it: a key of the card strings and its arguments (JSON array of strings).</summary>
    public string? ResultKey { get; set; }
    public string? ResultArgsJson { get; set; }

    /// <summary>The instance running it and when it last reported, so a task left by a stopped instance is taken over.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>Stored as its number.</summary>
public enum BoardTaskStatus
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Refused = 3,
    Failed = 4,
}
