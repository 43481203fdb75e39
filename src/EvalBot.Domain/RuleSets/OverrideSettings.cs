using EvalBot.Domain.Records;

namespace EvalBot.Domain.RuleSets;

/// <summary>Grounds that force KHT or cap the level whatever the score.</summary>
/// <param name="DisciplineForcesNotComplete">A sanction decided in the year forces KHT.</param>
/// <param name="MinimumSeverity">The lightest sanction that counts ("reprimand or heavier").</param>
/// <param name="OnlyPublicServiceViolations">Decree 335 counts only public-service violations.</param>
/// <param name="NoDoubleCounting">A violation already counted in an earlier year is not counted again (Decree 90 Art. 2.5.b–c).</param>
/// <param name="DegradationForcesNotComplete">A degradation finding forces KHT.</param>
/// <param name="SuspensionForcesNotCompleteForCivilServants">A temporary suspension forces KHT for a civil servant (Decree 170).</param>
/// <param name="OpenRemediationBlocksExcellent">Any shortcoming not remedied caps the level at HTT.</param>
public sealed record OverrideSettings(
    bool DisciplineForcesNotComplete,
    DisciplineSeverity MinimumSeverity,
    bool OnlyPublicServiceViolations,
    bool NoDoubleCounting,
    bool DegradationForcesNotComplete,
    bool SuspensionForcesNotCompleteForCivilServants,
    bool OpenRemediationBlocksExcellent);
