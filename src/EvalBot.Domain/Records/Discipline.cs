namespace EvalBot.Domain.Records;

/// <summary>Party discipline or administrative discipline: Decree 90/48 counts both.</summary>
public enum DisciplineKind
{
    /// <summary>Kỷ luật Đảng.</summary>
    Party = 0,

    /// <summary>Kỷ luật hành chính.</summary>
    Administrative = 1,
}

/// <summary>Sanctions, lightest first; thresholds such as "reprimand or heavier" compare on this order.</summary>
public enum DisciplineSeverity
{
    /// <summary>Khiển trách.</summary>
    Reprimand = 1,

    /// <summary>Cảnh cáo.</summary>
    Warning = 2,

    /// <summary>Hạ bậc lương.</summary>
    SalaryDowngrade = 3,

    /// <summary>Giáng chức.</summary>
    Demotion = 4,

    /// <summary>Cách chức.</summary>
    RemovalFromPost = 5,

    /// <summary>Buộc thôi việc.</summary>
    Dismissal = 6,

    /// <summary>Khai trừ (Party).</summary>
    Expulsion = 7,
}

/// <summary>A disciplinary decision. The violation id links Party and administrative sanctions for the same act.</summary>
/// <param name="ViolationId">The act; shared by all sanctions for it, so it is counted once (Decree 90 Art. 2.5).</param>
/// <param name="Kind">Party or administrative.</param>
/// <param name="Severity">The sanction.</param>
/// <param name="DecisionDate">Decides the year the sanction counts in.</param>
/// <param name="IsPublicServiceViolation">Decree 335 counts only violations in public service (Art. 20.4.c).</param>
/// <param name="CommittedAtUnitId">Where the act happened; after a transfer the old unit's collective carries it.</param>
public sealed record DisciplineRecord(
    string ViolationId,
    DisciplineKind Kind,
    DisciplineSeverity Severity,
    DateOnly DecisionDate,
    bool IsPublicServiceViolation = true,
    string? CommittedAtUnitId = null);

/// <summary>A violation already used to rate a person KHT in an earlier year, so it is not counted again.</summary>
/// <param name="ViolationId">The act.</param>
/// <param name="Year">The year it was counted.</param>
public sealed record CountedViolation(string ViolationId, int Year);
