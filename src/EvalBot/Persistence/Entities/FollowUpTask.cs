namespace EvalBot.Persistence.Entities;

/// <summary>
/// A personnel follow-up the law obliges the competent level to consider after a rating or a confidence vote (rules 30
/// and 38): decide on dismissal, consider resignation, a lower post or removal. It is open until its holder records the
/// decision taken; one per person, year and kind, whatever the re-imports.
/// </summary>
public sealed class FollowUpTask
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public int Year { get; set; }

    /// <summary>The kind, as the domain's <c>FollowUpKind</c> name: <c>ConsiderResignation</c>, <c>DecideDismissal</c>…</summary>
    public required string Kind { get; set; }

    /// <summary>What opened it, e.g. <c>vote:V-2026-07</c> or <c>rating:2026</c>.</summary>
    public required string Source { get; set; }

    /// <summary>Why, as a key of the card string tables and its arguments (JSON array of strings: the low share, the vote's date…).</summary>
    public required string GroundsKey { get; set; }
    public string GroundsArgsJson { get; set; } = "[]";

    /// <summary>Who must decide: the competent level of the person's unit, or the head above; null: the organisation board.</summary>
    public long? HolderPersonId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>When the holder was told of it (a card in personal chat); null until then.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>The decision taken, its document number and date, who recorded it and when; null while open.</summary>
    public string? Decision { get; set; }
    public string? DocumentNumber { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}
