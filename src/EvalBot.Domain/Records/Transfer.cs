namespace EvalBot.Domain.Records;

/// <summary>A move between units in the year. The old unit's period scores arrive as imported period reports.</summary>
/// <param name="FromUnitId">The old unit.</param>
/// <param name="Date">Date of the move.</param>
/// <param name="MonthsAtOldUnit">Time spent at the old unit in the year.</param>
/// <param name="OldUnitStillExists">A dissolved unit cannot send its comment.</param>
/// <param name="OldUnitCommentReceived">Decree 90 Art. 20 requires it after six months or more.</param>
public sealed record Transfer(
    string FromUnitId,
    DateOnly Date,
    decimal MonthsAtOldUnit,
    bool OldUnitStillExists = true,
    bool OldUnitCommentReceived = false);
