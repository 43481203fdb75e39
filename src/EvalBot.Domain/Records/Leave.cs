namespace EvalBot.Domain.Records;

/// <summary>Kinds of lawful leave; maternity leave is exempt from the under-six-months rule.</summary>
public enum LeaveKind
{
    /// <summary>Nghỉ ốm.</summary>
    Sick = 0,

    /// <summary>Nghỉ thai sản.</summary>
    Maternity = 1,

    /// <summary>Other lawful leave (unpaid leave, study leave, ...).</summary>
    OtherLawful = 2,
}

/// <summary>Leave taken in the evaluation year, in months (fractions allowed).</summary>
/// <param name="Kind">Sick, maternity or other lawful leave.</param>
/// <param name="Months">Length within the evaluation year.</param>
public sealed record LeaveRecord(LeaveKind Kind, decimal Months);
