namespace EvalBot.Domain.RuleSets;

/// <summary>Which quota formula a rule-set uses.</summary>
public enum QuotaMode
{
    /// <summary>No quota.</summary>
    None = 0,

    /// <summary>count(HTXS) ≤ round(percent × base count) (Decree 335 Art. 20.5, Reg. 366 Art. 11).</summary>
    ShareOfGood = 1,

    /// <summary>share(HTXS) in the group ≤ the Party members' HTXS share (Decree 90 Art. 2.6).</summary>
    PartyShare = 2,
}

/// <summary>What the quota percentage is taken of. The sources say HTT only; some localities may read HTT + HTXS.</summary>
public enum QuotaBase
{
    /// <summary>The number rated HTT.</summary>
    GoodOnly = 0,

    /// <summary>The number rated HTT or HTXS.</summary>
    GoodAndExcellent = 1,
}

/// <summary>How a fractional cap becomes a count.</summary>
public enum QuotaRounding
{
    /// <summary>Round down (the literal reading).</summary>
    Floor = 0,

    /// <summary>Round half away from zero.</summary>
    Nearest = 1,

    /// <summary>Round up.</summary>
    Ceiling = 2,
}

/// <summary>The cap on HTXS within an agency and within each group of similar tasks.</summary>
/// <param name="Mode">Formula.</param>
/// <param name="Percent">Cap percentage (20).</param>
/// <param name="ExceptionPercent">Cap with a recorded "outstanding unit" decision (25), or null if no such exception.</param>
/// <param name="Base">What the percentage is taken of.</param>
/// <param name="Rounding">Rounding of the cap.</param>
/// <param name="PerAgency">Check the whole agency.</param>
/// <param name="PerGroup">Check each group of similar tasks.</param>
public sealed record QuotaSettings(
    QuotaMode Mode,
    decimal Percent,
    decimal? ExceptionPercent,
    QuotaBase Base,
    QuotaRounding Rounding,
    bool PerAgency,
    bool PerGroup);
