namespace EvalBot.Domain.RuleSets;

/// <summary>What a level needs from the year's tasks; a null bound is not checked.</summary>
/// <param name="MinCompletedPercent">Share of tasks completed.</param>
/// <param name="MinOnTimeWithQualityPercent">Share completed on time and with quality.</param>
/// <param name="MinExceededPercent">Share exceeded.</param>
/// <param name="MaxLatePercent">Share late, at most.</param>
/// <param name="MaxNotMeetingPercent">Share not meeting progress, quality or efficiency, at most.</param>
public sealed record LevelRequirement(
    decimal? MinCompletedPercent,
    decimal? MinOnTimeWithQualityPercent,
    decimal? MinExceededPercent,
    decimal? MaxLatePercent,
    decimal? MaxNotMeetingPercent);

/// <summary>
/// The qualitative task conditions of Decree 90/48 Art. 8–15 and Reg. 366 Art. 11. A year that meets no level
/// and no KHT ground is left to the competent authority, never guessed.
/// </summary>
/// <param name="Excellent">HTXS needs.</param>
/// <param name="Good">HTT needs.</param>
/// <param name="Complete">HT needs.</param>
/// <param name="NotCompleteWhenNotCompletedAbovePercent">KHT when more than this share is not completed (QD366 and ND90_48, rule 15), whatever the other counts say.</param>
/// <param name="NotCompleteWhenNotMeetingAbovePercent">KHT when more than this share misses progress or quality (ND90_48).</param>
public sealed record TaskConditions(
    LevelRequirement Excellent,
    LevelRequirement Good,
    LevelRequirement Complete,
    decimal? NotCompleteWhenNotCompletedAbovePercent,
    decimal? NotCompleteWhenNotMeetingAbovePercent);
