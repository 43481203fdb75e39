namespace EvalBot.Domain.Records;

/// <summary>
/// Everything the rules read to classify one person for one year. "Now" is <paramref name="ReviewDate"/>:
/// the domain never reads a clock.
/// </summary>
/// <param name="Person">Who.</param>
/// <param name="Year">Evaluation year.</param>
/// <param name="ReviewDate">The date of the review, used for "admitted less than six months ago".</param>
/// <param name="MonthsEmployed">Months in the year the person held the post (0–12), before leave.</param>
/// <param name="Periods">Monitoring periods, including those imported from an old unit.</param>
public sealed record PersonYear(Person Person, int Year, DateOnly ReviewDate, decimal MonthsEmployed, IReadOnlyList<PeriodReport> Periods)
{
    /// <summary>Lawful leave in the year.</summary>
    public IReadOnlyList<LeaveRecord> Leaves { get; init; } = [];

    /// <summary>Disciplinary decisions known at review time (any year; the rules pick the ones that count).</summary>
    public IReadOnlyList<DisciplineRecord> Disciplines { get; init; } = [];

    /// <summary>Violations already used for a KHT in an earlier year (Decree 90 Art. 2.5.b).</summary>
    public IReadOnlyList<CountedViolation> AlreadyCounted { get; init; } = [];

    /// <summary>Degradation findings.</summary>
    public IReadOnlyList<DegradationFinding> Findings { get; init; } = [];

    /// <summary>Temporary suspensions.</summary>
    public IReadOnlyList<Suspension> Suspensions { get; init; } = [];

    /// <summary>Moves between units in the year.</summary>
    public IReadOnlyList<Transfer> Transfers { get; init; } = [];

    /// <summary>The first day in the post when it falls in the year (hired then): periods before it need no score (rule 20).</summary>
    public DateOnly? EmployedFrom { get; init; }

    /// <summary>The monitoring period type of the person's unit, used to name periods missing before a transfer (rule 20).</summary>
    public PeriodKind MonitoringPeriodKind { get; init; } = PeriodKind.Quarter;

    /// <summary>Confidence votes (leaders).</summary>
    public IReadOnlyList<ConfidenceVote> ConfidenceVotes { get; init; } = [];

    /// <summary>Shortcomings from earlier reviews.</summary>
    public IReadOnlyList<RemediationItem> Remediation { get; init; } = [];

    /// <summary>The year's task counts, for rule-sets with task conditions.</summary>
    public TaskSummary? Tasks { get; init; }

    /// <summary>The led unit's results, for leaders.</summary>
    public UnitResult? Unit { get; init; }

    /// <summary>Date of admission to the Party; members admitted under six months ago are not reviewed (Reg. 366 Art. 5.2).</summary>
    public DateOnly? PartyAdmissionDate { get; init; }

    /// <summary>Quarters with no quarterly record but a written justification (QD366 rule 9).</summary>
    public IReadOnlyList<int> JustifiedMissingQuarters { get; init; } = [];
}
