namespace EvalBot.Persistence.Entities;

/// <summary>
/// One Party rating (Regulation 366) for one year: a member's or a collective's, through its three steps (self-rating,
/// verification and proposal by the advisory body, decision by the competent level). A decided rating is never changed;
/// a re-rating adds a new version linked to it.
/// </summary>
public sealed class PartyRating : IConcurrencyStamped
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int Version { get; set; } = 1;
    public long? SupersedesId { get; set; }

    /// <summary>The member rated, or null for a collective.</summary>
    public long? PersonId { get; set; }

    /// <summary>The collective rated, or null for a member.</summary>
    public long? CollectiveId { get; set; }

    /// <summary>The Party organisation that rates: the member's official cell, or the collective's organisation.</summary>
    public long PartyOrganisationId { get; set; }

    /// <summary>The group of similar role for the quota (rule 21): the member's task group, or the collective's kind.</summary>
    public string GroupKey { get; set; } = "";
    public PartyRatingStep Step { get; set; }

    /// <summary>The points proposed from the year's records when the rating opened (…/30, …/70) and the state level.</summary>
    public decimal? SuggestedGeneral { get; set; }
    public decimal? SuggestedTask { get; set; }
    public int? StateLevel { get; set; }

    /// <summary>Step 1: the self-rating (Form 2A/2B/2C or Form 01).</summary>
    public decimal? SelfGeneral { get; set; }
    public decimal? SelfTask { get; set; }
    public int? SelfLevel { get; set; }
    public string? Strengths { get; set; }
    public string? Shortcomings { get; set; }
    public string? Direction { get; set; }
    public DateTimeOffset? SelfRatedAt { get; set; }
    public string? SelfRatedBy { get; set; }

    /// <summary>A collective's draft report (Form 01): the day it was sent to the meeting's participants and the meeting's day (rule 34).</summary>
    public DateOnly? DraftSentOn { get; set; }
    public DateOnly? MeetingOn { get; set; }

    /// <summary>
    /// A collective's Form 01 figures as its head reports them (Reg. 366 Art. 11): the year's tasks planned, done, done on
    /// time with quality and efficiency, exceeded; the shortcomings pointed out at the previous review and how many are
    /// remedied; a recorded conclusion of wrongdoing in personnel work, disunity or factions (a leadership collective).
    /// </summary>
    public int? SelfTasksPlanned { get; set; }
    public int? SelfTasksDone { get; set; }
    public int? SelfTasksOnTime { get; set; }
    public int? SelfTasksExceeded { get; set; }
    public int? SelfShortcomingsPointed { get; set; }
    public int? SelfShortcomingsRemedied { get; set; }
    public string? SelfWrongdoing { get; set; }

    /// <summary>Step 2: the collective's figures as the advisory body verified them (a changed figure needs the verification's reason).</summary>
    public int? VerifiedTasksPlanned { get; set; }
    public int? VerifiedTasksDone { get; set; }
    public int? VerifiedTasksOnTime { get; set; }
    public int? VerifiedTasksExceeded { get; set; }
    public int? VerifiedShortcomingsPointed { get; set; }
    public int? VerifiedShortcomingsRemedied { get; set; }
    public string? VerifiedWrongdoing { get; set; }

    /// <summary>Step 2: the advisory body's verified points, proposal, reason and the review meetings' dates.</summary>
    public decimal? VerifiedGeneral { get; set; }
    public decimal? VerifiedTask { get; set; }
    public int? ProposedLevel { get; set; }
    public string? VerificationNote { get; set; }
    public DateOnly? CellReviewedOn { get; set; }
    public DateOnly? CollectiveReviewedOn { get; set; }

    /// <summary>The required opinions (rule 37), recorded by the advisory body: the residence party committee's comment or the
    /// reason there is none, the temporary cell's comment, the old unit's after a transfer.</summary>
    public string? ResidenceComment { get; set; }
    public string? ResidenceException { get; set; }
    public string? TemporaryCellComment { get; set; }

    /// <summary>The comment of the unit the member worked at before a transfer in the year (rule 37).</summary>
    public string? OldUnitComment { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerifiedBy { get; set; }

    /// <summary>Step 3: the competent level's decision.</summary>
    public int? Level { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>The dossier list (Art. 17, Form 04) sealed at the decision, JSON, and its SHA-256; null before.</summary>
    public string? DossierJson { get; set; }
    public string? DossierHash { get; set; }

    /// <summary>The rule applications of the proposal, JSON array (the domain's explanation).</summary>
    public string ExplanationJson { get; set; } = "[]";
    public DateTimeOffset OpenedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>Where a Party rating stands; stored as its number.</summary>
public enum PartyRatingStep
{
    /// <summary>Opened: waits for the self-rating.</summary>
    Open = 0,
    SelfRated = 1,
    Verified = 2,
    Decided = 3,

    /// <summary>Replaced by a re-rating (a newer version).</summary>
    Superseded = 4,
}

/// <summary>
/// A complaint, denunciation or report about a Party rating (Art. 12 step 3): while it has no re-check by the superior
/// committee, the decision is blocked.
/// </summary>
public sealed class PartyComplaint
{
    public long Id { get; set; }
    public long RatingId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset? RecheckedAt { get; set; }
    public string? RecheckedBy { get; set; }
    public string? RecheckNote { get; set; }
}

/// <summary>
/// The competent level's decision allowing the higher HTXS share (25 % instead of 20 %) for an outstanding party
/// organisation in one year (rule 21 under QĐ366), recorded on the decision card.
/// </summary>
public sealed class PartyQuotaDecision
{
    public long Id { get; set; }
    public long PartyOrganisationId { get; set; }
    public int Year { get; set; }
    public required string DecisionNumber { get; set; }
    public DateOnly DecidedOn { get; set; }
    public required string ApprovedBy { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
