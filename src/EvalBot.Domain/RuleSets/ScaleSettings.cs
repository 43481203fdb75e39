namespace EvalBot.Domain.RuleSets;

/// <summary>The point scale: 30 general + 70 task = 100 nationally, 20 + 80 in Hải Phòng.</summary>
/// <param name="UsesPoints">False for the national Decree 90/48, which rates by conditions only.</param>
/// <param name="GeneralMax">Maximum of the general criteria.</param>
/// <param name="TaskMax">Maximum of the task results.</param>
/// <param name="TotalMax">Maximum total; must equal the sum of the parts.</param>
public sealed record ScaleSettings(bool UsesPoints, decimal GeneralMax, decimal TaskMax, decimal TotalMax);
