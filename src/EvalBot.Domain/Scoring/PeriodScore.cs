using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Scoring;

/// <summary>The score of one period, with its components and the rules that produced it.</summary>
/// <param name="Period">The period.</param>
/// <param name="Status">Worked or a kind of leave.</param>
/// <param name="QuantityPercent">Converted done ÷ converted assigned.</param>
/// <param name="QualityPercent">Converted quality-passed ÷ converted assigned, after deductions.</param>
/// <param name="ProgressPercent">Converted on-time ÷ converted assigned, after deductions.</param>
/// <param name="TaskPercent">Weighted mean of the components.</param>
/// <param name="TaskPoints">Task points on the rule-set's task scale.</param>
/// <param name="GeneralPoints">General-criteria points.</param>
/// <param name="Total">General + task points.</param>
/// <param name="Applications">Rules applied.</param>
public sealed record PeriodScore(
    Period Period,
    WorkStatus Status,
    decimal QuantityPercent,
    decimal QualityPercent,
    decimal ProgressPercent,
    decimal TaskPercent,
    decimal TaskPoints,
    decimal GeneralPoints,
    decimal Total,
    IReadOnlyList<RuleApplication> Applications)
{
    /// <summary>
    /// False when no product of the period could be counted (none assigned, or none quantified, rule 6): its task
    /// percentages are not a result, so the annual roll-up leaves the period out instead of scoring it as 0 %.
    /// </summary>
    public bool Counted { get; init; } = true;
}
