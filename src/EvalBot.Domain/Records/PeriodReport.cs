namespace EvalBot.Domain.Records;

/// <summary>Whether the person worked in a period; leave periods are left out of the annual mean, not counted as zero.</summary>
public enum WorkStatus
{
    /// <summary>The person worked and was monitored.</summary>
    Worked = 0,

    /// <summary>Sick leave for the whole period.</summary>
    SickLeave = 1,

    /// <summary>Maternity leave (thai sản) for the whole period.</summary>
    MaternityLeave = 2,

    /// <summary>Other justified absence for the whole period.</summary>
    JustifiedAbsence = 3,
}

/// <summary>The monitoring record of one period: product reports and the general-criteria score.</summary>
/// <param name="Period">The month or quarter, with the unit that monitored it.</param>
/// <param name="Status">Worked, or a kind of leave.</param>
/// <param name="Products">Product reports; empty for leave periods.</param>
/// <param name="GeneralScore">General-criteria points for the period, 0 to the rule-set's maximum.</param>
/// <param name="ImportedFromUnitId">Set when the scores came from the old unit after a transfer (Decree 335 Art. 21).</param>
/// <param name="Leader">Leader-only components for the period, if the person leads a unit.</param>
public sealed record PeriodReport(
    Period Period,
    WorkStatus Status,
    IReadOnlyList<ProductReport> Products,
    decimal GeneralScore,
    string? ImportedFromUnitId = null,
    LeaderPeriodInputs? Leader = null)
{
    /// <summary>
    /// The period's total as the old unit scored it, imported after a transfer (Decree 335 Art. 21): averaged as it is,
    /// not re-scored from products; <see cref="GeneralScore"/> holds its general part when the old unit sent it (else 0).
    /// </summary>
    public decimal? ImportedTotal { get; init; }
}

/// <summary>The leader components of Decree 335 Art. 15–16 for one period.</summary>
/// <param name="SubordinateLevels">The bands of the civil servants the leader manages in the period.</param>
/// <param name="OrganisationPercent">Ability to organise implementation, 0–100.</param>
public sealed record LeaderPeriodInputs(IReadOnlyList<Level> SubordinateLevels, decimal OrganisationPercent);
