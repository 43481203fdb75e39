namespace EvalBot.Persistence.Entities;

/// <summary>Lawful leave or absence: no prompts while it lasts; whole periods on leave are left out of the annual mean.</summary>
public sealed class LeaveRecord
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public long PersonId { get; set; }

    /// <summary><c>sick</c>, <c>maternity</c>, <c>justified</c> or <c>other</c>.</summary>
    public required string Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
}

/// <summary>A disciplinary decision. The violation id lets the rules count one violation once across years and tracks.</summary>
public sealed class DisciplineRecord
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public long PersonId { get; set; }
    public required string ViolationId { get; set; }
    public DateOnly DecisionDate { get; set; }

    /// <summary><c>party</c> or <c>administrative</c>.</summary>
    public required string Track { get; set; }

    /// <summary><c>reprimand</c>, <c>warning</c>, <c>demotion</c>, <c>dismissal</c>, …</summary>
    public required string Sanction { get; set; }

    /// <summary>
    /// The violation was not in public service (import column <c>public_service</c> = no). Stored negated so that rows from
    /// before the column keep their meaning: a public-service violation, the only kind that forces KHT under Decree 335.
    /// </summary>
    public bool OutsidePublicService { get; set; }

    /// <summary>
    /// The year the violation was already counted for a KHT (import column <c>counted_year</c>), for the years before
    /// EvalBot: a later sanction for the same act does not force KHT again (rule 12). Null: not known to be counted.
    /// </summary>
    public int? CountedYear { get; set; }
}

/// <summary>Findings that force a level regardless of score: degradation, temporary suspension.</summary>
public sealed class FindingRecord
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public long PersonId { get; set; }

    /// <summary><c>degradation</c> or <c>suspension</c>.</summary>
    public required string Kind { get; set; }
    public DateOnly Date { get; set; }
}

/// <summary>A move between units; the old unit's period scores follow the person.</summary>
public sealed class TransferRecord
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public long PersonId { get; set; }
    public required string FromUnitExternalId { get; set; }
    public long ToUnitId { get; set; }
    public DateOnly Date { get; set; }
}

/// <summary>
/// A period score the old unit sent after a transfer (import kind <c>prior_scores</c>, Decree 335 Art. 21): its total on the
/// rule-set's scale, and its general part when sent, averaged with the new unit's confirmed periods. One per person and period.
/// </summary>
public sealed class PriorScoreRecord
{
    public long Id { get; set; }

    /// <summary>The import key, <c>person_id/period</c>.</summary>
    public required string ExternalId { get; set; }
    public long PersonId { get; set; }

    /// <summary><c>2026-Q1</c> or <c>2026-03</c>.</summary>
    public required string Period { get; set; }
    public required string FromUnitExternalId { get; set; }
    public decimal Score { get; set; }
    public decimal? GeneralScore { get; set; }
}

/// <summary>An imported confidence vote (lấy phiếu tín nhiệm): counts only; individual ballots are never stored.</summary>
public sealed class ConfidenceVoteRecord
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public long PersonId { get; set; }
    public DateOnly Date { get; set; }
    public int High { get; set; }
    public int Medium { get; set; }
    public int Low { get; set; }
    public int Present { get; set; }
    public int Convened { get; set; }
}
