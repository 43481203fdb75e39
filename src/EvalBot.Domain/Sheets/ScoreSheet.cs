namespace EvalBot.Domain.Sheets;

/// <summary>Which part of the 100-point scale a criterion of a score sheet belongs to (Decree 335 Art. 12).</summary>
public enum CriterionGroup
{
    /// <summary>The general criteria (tiêu chí chung): 30 points under ND335, 20 in Hải Phòng.</summary>
    General,

    /// <summary>The task results (kết quả thực hiện nhiệm vụ): 70 points under ND335, 80 in Hải Phòng.</summary>
    Task,
}

/// <summary>The extra components a leader is scored on (Decree 335 Art. 15–16).</summary>
public enum LeaderComponent
{
    /// <summary>The operating results of the unit led.</summary>
    UnitResults,

    /// <summary>The ability to organise implementation (leading, directing the unit).</summary>
    Organisation,
}

/// <summary>One criterion of a score sheet (biểu điểm): its id, its group, its maximum and, for a leader's criterion, the component it scores.</summary>
public sealed record SheetCriterion(string Id, CriterionGroup Group, decimal Max, LeaderComponent? Leader = null);

/// <summary>A sheet's problem in both languages.</summary>
public sealed record SheetProblem(string Vi, string En);
