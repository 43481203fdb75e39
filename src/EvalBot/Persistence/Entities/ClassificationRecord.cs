using System.Text.Json.Serialization;
using EvalBot.Domain.Classification;

namespace EvalBot.Persistence.Entities;

/// <summary>
/// One person's annual classification for one year, one version. A draft is rewritten by each compile until the head
/// decides it; a decided row is never changed again (a re-rating inserts a new version that supersedes it) and carries
/// a SHA-256 hash chained to the previous decided row, so an edit made behind the application is detectable.
/// </summary>
public sealed class ClassificationRecord
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public int Year { get; set; }

    /// <summary>1 for the compiled result; each re-rating adds one.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The decided version this one replaces (re-rating by the competent level).</summary>
    public long? SupersedesId { get; set; }
    public ClassificationState State { get; set; }

    /// <summary>The unit the person belonged to at compile time, its agency (quota scope) and the group of similar tasks.</summary>
    public long UnitId { get; set; }
    public long AgencyUnitId { get; set; }
    public string GroupKey { get; set; } = "";

    /// <summary>Who decides (rule 25): the head of the person's unit, or for a head the head of the unit above; null = the organisation board.</summary>
    public long? DeciderPersonId { get; set; }

    /// <summary>What the rule engine said, or who set the level since.</summary>
    public ClassificationOutcome Outcome { get; set; } = ClassificationOutcome.Rated;

    /// <summary>The level now proposed or decided (0 HTXS … 3 KHT), null when not rated or undecided.</summary>
    public int? Level { get; set; }

    /// <summary>The level the rules gave, before any demotion by the head.</summary>
    public int? CompiledLevel { get; set; }
    public decimal? Score { get; set; }
    public required string RuleSetId { get; set; }
    public required string RuleSetVersion { get; set; }

    /// <summary>The rule applications, JSON array, in the order the engine applied them.</summary>
    public string ExplanationJson { get; set; } = "[]";

    /// <summary>Why the head lowered the level (quota), or why the competent level re-rated.</summary>
    public string? Reason { get; set; }
    public DateTimeOffset CompiledAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Entra object id of the decider, or <c>admin</c>.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>Position in the chain of decided rows (1, 2, …); unique, so two concurrent decisions cannot fork it.</summary>
    public long? ChainSeq { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
}

public enum ClassificationState
{
    Draft = 0,
    Decided = 1,
}

/// <summary>
/// Where a row's level comes from. Stored, hashed into the chain of decided rows and written in JSON by its name,
/// exactly as spelt here: renaming a member would change stored data and break the chain.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClassificationOutcome>))]
public enum ClassificationOutcome
{
    /// <summary>The rules gave the level.</summary>
    Rated = 0,

    /// <summary>The rules say the person is not rated this year.</summary>
    NotRated = 1,

    /// <summary>The rules cannot decide (or the quota cannot be finalised): the competent authority must.</summary>
    NeedsAuthorityDecision = 2,

    /// <summary>An input was out of bounds; nothing was rated.</summary>
    Rejected = 3,

    /// <summary>The competent authority set the level of a draft.</summary>
    AuthorityDecided = 4,

    /// <summary>A new version: the competent authority re-rated a decided row.</summary>
    Rerated = 5,
}

public static class ClassificationOutcomes
{
    /// <summary>The outcome of a compiled row: the engine's verdict, unless a level it gave cannot be finalised.</summary>
    public static ClassificationOutcome Of(ClassificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ClassificationStatus.Rated => result.CanFinalise ? ClassificationOutcome.Rated : ClassificationOutcome.NeedsAuthorityDecision,
            ClassificationStatus.NotRated => ClassificationOutcome.NotRated,
            ClassificationStatus.NeedsAuthorityDecision => ClassificationOutcome.NeedsAuthorityDecision,
            ClassificationStatus.Rejected => ClassificationOutcome.Rejected,
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, null),
        };
    }

    /// <summary>Flagged: the rules gave no level a head may approve, so the list waits for the competent authority.</summary>
    public static bool NeedsDecision(this ClassificationOutcome outcome) =>
        outcome is ClassificationOutcome.NeedsAuthorityDecision or ClassificationOutcome.Rejected;
}

/// <summary>The notice and publication of a decided classification (Law 80 Art. 26.2): kept apart so the decided row never changes.</summary>
public sealed class ClassificationPublication
{
    public long Id { get; set; }
    public long RecordId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

/// <summary>
/// The competent authority's decision allowing the higher HTXS share for an outstanding unit (rule 21): 25 % instead of 20 %,
/// for one agency and year.
/// </summary>
public sealed class QuotaExceptionRecord
{
    public long Id { get; set; }
    public long AgencyUnitId { get; set; }
    public int Year { get; set; }
    public required string DecisionNumber { get; set; }
    public DateOnly DecidedOn { get; set; }
    public required string ApprovedBy { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
