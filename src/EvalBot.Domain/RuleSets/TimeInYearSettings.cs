namespace EvalBot.Domain.RuleSets;

/// <summary>Rules on time worked in the year, leave, transfers and quarterly coverage; a null bound switches a rule off.</summary>
/// <param name="NotRatedBelowMonthsWorked">Worked fewer months than this → not rated (6, Decree 90 Art. 2.3).</param>
/// <param name="MaternityExemptFromNotRated">Maternity leave does not make a person "not rated".</param>
/// <param name="LeaveCapFromMonths">Lawful leave from this many months…</param>
/// <param name="LeaveCapBelowMonths">…to under this many caps the level.</param>
/// <param name="LeaveCapLevel">The cap (HT).</param>
/// <param name="NewPartyMemberExcludedBelowMonths">Party members admitted fewer months ago are not reviewed (Reg. 366 Art. 5.2).</param>
/// <param name="OldUnitCommentRequiredFromMonths">After this many months at the old unit its written comment is required (Decree 90 Art. 20).</param>
/// <param name="RequireEveryQuarter">The annual record must link every quarter or justify the gap (Reg. 366 Art. 15.1).</param>
/// <param name="OldUnitScoresRequired">After a transfer in the year, every period before it needs a score (confirmed here or sent by the
/// old unit) before the year is averaged; otherwise the competent level decides (Decree 335 Art. 21).</param>
public sealed record TimeInYearSettings(
    decimal? NotRatedBelowMonthsWorked,
    bool MaternityExemptFromNotRated,
    decimal? LeaveCapFromMonths,
    decimal? LeaveCapBelowMonths,
    Level LeaveCapLevel,
    decimal? NewPartyMemberExcludedBelowMonths,
    decimal? OldUnitCommentRequiredFromMonths,
    bool RequireEveryQuarter,
    bool OldUnitScoresRequired = false);
