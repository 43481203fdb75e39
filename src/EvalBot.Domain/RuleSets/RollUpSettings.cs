namespace EvalBot.Domain.RuleSets;

/// <summary>How period scores become the annual score.</summary>
public enum RollUpMethod
{
    /// <summary>Mean of the periods actually worked (Decree 335 Art. 21, as read).</summary>
    MeanOfWorkedPeriods = 0,
}

/// <summary>Annual roll-up and rounding of the annual score.</summary>
/// <param name="Method">The roll-up formula.</param>
/// <param name="Decimals">Decimals kept in the annual score (bands are read on the rounded value).</param>
/// <param name="Rounding">Midpoint rule for that rounding.</param>
/// <param name="ExcludeLeavePeriods">Leave periods are left out (true), not counted as zero.</param>
public sealed record RollUpSettings(RollUpMethod Method, int Decimals, MidpointRounding Rounding, bool ExcludeLeavePeriods);
