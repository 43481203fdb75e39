namespace EvalBot.Persistence.Entities;

/// <summary>
/// A Party member's quarterly self-assessment and rating (Guidance 43, Form 05: "Bản tự đánh giá, xếp loại của cá nhân
/// Quý"), filled from the quarter's confirmed state check-ins: the general groups (…/30) from the confirmed
/// general-criteria points, the task group (…/70) from the confirmed products, both on the Party rule-set's scale, and
/// the level of the total by its bands. One per member and quarter; a later confirmation in the quarter updates it. The
/// annual self-rating links the year's records (rule 9).
/// </summary>
public sealed class PartyQuarterRecord
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public int Year { get; set; }

    /// <summary>1 to 4.</summary>
    public int Quarter { get; set; }
    public decimal GeneralPoints { get; set; }
    public decimal TaskPoints { get; set; }
    public decimal Total { get; set; }

    /// <summary>The level of the total by the Party rule-set's bands, stored as its number.</summary>
    public int Level { get; set; }

    /// <summary>The state periods it was computed from, comma-separated (<c>2026-Q2</c>, or <c>2026-04,2026-05</c>).</summary>
    public string Periods { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The member's reason, given on the annual self-rating (Forms 2A/2B/2C), for a quarter of the year without a quarterly
/// record (rule 9), or the leave that covered the whole quarter. Kept beside the rating, not on it.
/// </summary>
public sealed class PartyQuarterJustification
{
    public long Id { get; set; }
    public long RatingId { get; set; }

    /// <summary>1 to 4.</summary>
    public int Quarter { get; set; }
    public required string Text { get; set; }

    /// <summary>True when the text was filled from a leave record covering the whole quarter rather than typed.</summary>
    public bool FromLeave { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
