using EvalBot.Domain.Records;

namespace EvalBot.Domain.RuleSets;

/// <summary>
/// Regulation 366 Art. 11 for a collective rated on its annual report (Form 01): what each level needs from the
/// collective's tasks, the shortcomings of the previous review and its members' discipline, and the KHT grounds of a
/// leadership collective. A null bound is not checked.
/// </summary>
/// <param name="Excellent">HTXS needs: 100 % on time with quality, ≥ 30 % exceeded.</param>
/// <param name="Good">HTT needs: 100 % on time with quality and efficiency.</param>
/// <param name="Complete">HT needs: 100 % done, at most 20 % behind schedule.</param>
/// <param name="ExcellentMinRemediedPercent">HTXS needs this share of the previous review's shortcomings remedied (when there were any).</param>
/// <param name="DisciplineBlocksExcellent">A member disciplined in the year keeps the collective from HTXS.</param>
/// <param name="MinimumSeverity">The lightest sanction that counts ("reprimand or heavier").</param>
/// <param name="NotCompleteWhenCompletedBelowPercent">A leadership collective whose unit completes less than this share of the year's planned tasks is KHT.</param>
/// <param name="WrongdoingForcesNotComplete">A conclusion of wrongdoing in personnel work, disunity, factions or buying posts makes a leadership collective KHT.</param>
/// <param name="DisciplineForcesNotComplete">A member disciplined for a duty-related violation in the year makes a leadership collective KHT.</param>
/// <param name="DegradationForcesNotComplete">A member found degraded in the year makes a leadership collective KHT.</param>
public sealed record CollectiveConditions(
    LevelRequirement Excellent,
    LevelRequirement Good,
    LevelRequirement Complete,
    decimal? ExcellentMinRemediedPercent,
    bool DisciplineBlocksExcellent,
    DisciplineSeverity MinimumSeverity,
    decimal? NotCompleteWhenCompletedBelowPercent,
    bool WrongdoingForcesNotComplete,
    bool DisciplineForcesNotComplete,
    bool DegradationForcesNotComplete);
