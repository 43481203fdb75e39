namespace EvalBot.Domain.RuleSets;

/// <summary>How period scores become the annual score.</summary>
public enum RollUpMethod
{
    /// <summary>Mean of the periods actually worked (Decree 335 Art. 21, as read).</summary>
    MeanOfWorkedPeriods = 0,
}

/// <summary>Annual roll-up and rounding of the annual score.</summary>
/// <param name="Method">The roll-up formula.</param>
/// <param name="Decimals">Decimals of the annual score as shown and stored (display only, unless <paramref name="BandOnRoundedScore"/>).</param>
/// <param name="Rounding">Midpoint rule for that rounding.</param>
/// <param name="ExcludeLeavePeriods">Leave periods are left out (true), not counted as zero.</param>
/// <param name="BandOnRoundedScore">
/// Rule 7: false (the default) reads the band on the unrounded mean, so 89.999 is HTT and 49.995 is KHT; a rule-set
/// overlay that states rounding before banding sets it to true.
/// </param>
public sealed record RollUpSettings(RollUpMethod Method, int Decimals, MidpointRounding Rounding, bool ExcludeLeavePeriods, bool BandOnRoundedScore = false);
