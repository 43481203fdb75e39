namespace EvalBot.Domain.Records;

/// <summary>The results of the unit a leader leads; a leader's level is tied to them (Decree 90 Art. 2.2, Reg. 366 Art. 3).</summary>
/// <param name="TargetsCompletedPercent">Share of the unit's targets or planned tasks completed, 0–100.</param>
/// <param name="TargetsExceededPercent">Share of targets exceeded, 0–100.</param>
/// <param name="TargetsOnTimePercent">Share of targets completed on time and with quality, 0–100.</param>
/// <param name="SubUnitLevels">Levels of the directly managed sub-units (or units under the leader).</param>
/// <param name="CorruptionHandled">A directly managed unit had corruption, waste or embezzlement handled under the law.</param>
/// <param name="FailedBasicSocioEconomicTargets">The five basic socio-economic targets were missed (QD366, where they apply).</param>
public sealed record UnitResult(
    decimal TargetsCompletedPercent,
    decimal TargetsExceededPercent,
    decimal TargetsOnTimePercent,
    IReadOnlyList<Level> SubUnitLevels,
    bool CorruptionHandled = false,
    bool FailedBasicSocioEconomicTargets = false);
