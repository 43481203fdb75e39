using EvalBot.Persistence.Entities;

namespace EvalBot.Features.Classification;

/// <summary>
/// The unit tree as the classification reads it: the agency that is a person's quota scope, who decides a person's
/// level (rule 25: the head of the unit that uses them; for a head, the head of the unit above), and how deep a unit is,
/// so units are compiled before the people who lead them.
/// </summary>
public sealed class OrgTree(IReadOnlyDictionary<long, Unit> units)
{
    public IEnumerable<Unit> Ancestors(long unitId)
    {
        var seen = new HashSet<long>();
        for (var id = (long?)unitId; id is { } u && units.TryGetValue(u, out var unit) && seen.Add(u); id = unit.ParentId)
        {
            yield return unit;
        }
    }

    /// <summary>The nearest agency at or above the unit; the root when none is marked as an agency.</summary>
    public Unit AgencyOf(long unitId) => Ancestors(unitId).FirstOrDefault(u => u.IsAgency) ?? Ancestors(unitId).Last();

    public int Depth(long unitId) => Ancestors(unitId).Count();

    /// <summary>The unit and every unit below it.</summary>
    public IReadOnlySet<long> Subtree(long unitId) =>
        units.Values.Where(u => Ancestors(u.Id).Any(a => a.Id == unitId)).Select(u => u.Id).ToHashSet();

    /// <summary>Who decides: null when nobody above exists in the register (the organisation board records it).</summary>
    public long? DeciderOf(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var chain = Ancestors(person.UnitId).ToList();
        var start = chain.Count > 0 && chain[0].HeadPersonId == person.Id ? 1 : 0;
        var decider = chain.Skip(start).Select(u => u.HeadPersonId).FirstOrDefault(h => h is not null && h != person.Id);
        return decider;
    }

    public Unit? Headed(long personId) => units.Values.Where(u => u.HeadPersonId == personId).OrderBy(u => Depth(u.Id)).FirstOrDefault();

    public IEnumerable<Unit> Children(long unitId) => units.Values.Where(u => u.ParentId == unitId);
}
