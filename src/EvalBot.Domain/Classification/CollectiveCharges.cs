using EvalBot.Domain.Records;

namespace EvalBot.Domain.Classification;

/// <summary>
/// Rule 20 (QD366): a violation committed at the old unit and disciplined after a transfer is charged to the old
/// unit's collective rating, not the new one's. Tested by rule; the host does not call it yet: the Party track's
/// collective ratings read their charged sanctions through it.
/// </summary>
public static class CollectiveCharges
{
    /// <summary>The sanctions in <paramref name="year"/> that count against the collective of <paramref name="unitId"/>.</summary>
    /// <param name="unitId">The collective being rated.</param>
    /// <param name="year">Evaluation year.</param>
    /// <param name="members">Each member's current unit and sanctions.</param>
    public static IReadOnlyList<DisciplineRecord> ChargedTo(string unitId, int year, IReadOnlyList<(string CurrentUnitId, DisciplineRecord Record)> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return [.. members
            .Where(m => m.Record.DecisionDate.Year == year)
            .Where(m => string.Equals(m.Record.CommittedAtUnitId ?? m.CurrentUnitId, unitId, StringComparison.Ordinal))
            .Select(m => m.Record)
            .OrderBy(r => r.DecisionDate).ThenBy(r => r.ViolationId, StringComparer.Ordinal)];
    }
}
