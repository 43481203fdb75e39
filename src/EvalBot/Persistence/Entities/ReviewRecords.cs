namespace EvalBot.Persistence.Entities;

/// <summary>A person's annual self-assessment (rule 23's first step under ND90_48, the second under ND335), one per person-year.</summary>
public sealed class ReviewSelfAssessment
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public int Year { get; set; }
    public string Strengths { get; set; } = "";
    public string Shortcomings { get; set; } = "";
    public string SelfCriticism { get; set; } = "";

    /// <summary>When it was submitted; a change before the meeting's minutes are approved moves it.</summary>
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>A unit's comment meeting of a year (rule 24): its chair, and when its minutes were approved at the meeting.</summary>
public sealed class ReviewMeeting
{
    public long Id { get; set; }
    public long UnitId { get; set; }
    public int Year { get; set; }
    public long ChairPersonId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Null while the meeting goes on; set once by the chair, after which entries are addenda only.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }
    public List<ReviewMeetingEntry> Entries { get; set; } = [];
}

/// <summary>A comment of the meeting's minutes, or an addendum written after their approval; never edited after the approval.</summary>
public sealed class ReviewMeetingEntry
{
    public long Id { get; set; }
    public long MeetingId { get; set; }

    /// <summary>Who said it: the activity's sender.</summary>
    public long AuthorPersonId { get; set; }

    /// <summary>The person under review it is about.</summary>
    public long SubjectPersonId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
    public bool IsAddendum { get; set; }
}

/// <summary>The kind of a recorded opinion or step of the annual review.</summary>
public enum ReviewOpinionKind
{
    /// <summary>The workplace party committee's comment on a leader (Decree 90).</summary>
    PartyCommittee = 0,

    /// <summary>The personnel advisory unit's proposal (Decree 90, leaders).</summary>
    AdvisoryProposal = 1,

    /// <summary>The old unit's written comment after a transfer (rule 20).</summary>
    OldUnit = 2,
}

/// <summary>An opinion item of a person-year's dossier (rule 37): its text or document reference, who recorded it and when.</summary>
public sealed class ReviewOpinion
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public int Year { get; set; }
    public ReviewOpinionKind Kind { get; set; }
    public required string Text { get; set; }
    public long RecordedByPersonId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
