using EvalBot.Domain.Classification;
using EvalBot.Persistence.Entities;

namespace EvalBot.Core;

/// <summary>
/// The unit tree as the classification reads it: the agency that is a person's quota scope, who decides a person's
/// level (rule 25: the head of the agency that uses them; for a head, the head of the agency above), and how deep a unit is,
/// so units are compiled before the people who lead them. Answers are computed once per tree (a compile asks them for
/// every person), so the units must not change while the tree is in use.
/// </summary>
public sealed class OrgTree(IReadOnlyDictionary<long, Unit> units)
{
    private readonly Dictionary<long, List<Unit>> _ancestors = [];
    private Dictionary<long, HashSet<long>>? _subtrees;
    private Dictionary<long, Unit>? _headed;
    private ILookup<long, Unit>? _children;

    public IEnumerable<Unit> Ancestors(long unitId) => Chain(unitId);

    /// <summary>The unit, its parent, and so on up to the root (a cycle stops at the first repeat).</summary>
    private List<Unit> Chain(long unitId)
    {
        if (_ancestors.TryGetValue(unitId, out var chain)) return chain;
        chain = [];
        var seen = new HashSet<long>();
        for (var id = (long?)unitId; id is { } u && units.TryGetValue(u, out var unit) && seen.Add(u); id = unit.ParentId)
        {
            chain.Add(unit);
        }

        _ancestors[unitId] = chain;
        return chain;
    }

    /// <summary>The nearest agency at or above the unit; the root when none is marked as an agency.</summary>
    public Unit AgencyOf(long unitId)
    {
        var chain = Chain(unitId);
        return chain.FirstOrDefault(u => u.IsAgency) ?? chain[^1];
    }

    public int Depth(long unitId) => Chain(unitId).Count;

    /// <summary>The unit and every unit below it.</summary>
    public IReadOnlySet<long> Subtree(long unitId)
    {
        if (_subtrees is null)
        {
            _subtrees = [];
            foreach (var u in units.Values)
            {
                foreach (var a in Chain(u.Id))
                {
                    if (!_subtrees.TryGetValue(a.Id, out var set)) _subtrees[a.Id] = set = [];
                    set.Add(u.Id);
                }
            }
        }

        return _subtrees.TryGetValue(unitId, out var found) ? found : new HashSet<long>();
    }

    /// <summary>
    /// Who decides (rule 25, <see cref="Deciders"/>): the head of the agency that uses the person; for a unit head the head
    /// of the directly superior agency, or the competent person imported for a top agency. Null when the register names
    /// nobody (the organisation board records it).
    /// </summary>
    public long? DeciderOf(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Deciders.Of(person.Id, [.. Chain(person.UnitId).Select(u => new ChainUnit(u.HeadPersonId, u.IsAgency, u.CompetentPersonId))]);
    }

    /// <summary>The shallowest unit the person heads (the first of them, in the register's order, at equal depth).</summary>
    public Unit? Headed(long personId)
    {
        _headed ??= units.Values.Where(u => u.HeadPersonId is not null).GroupBy(u => u.HeadPersonId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => Depth(u.Id)).First());
        return _headed.GetValueOrDefault(personId);
    }

    public IEnumerable<Unit> Children(long unitId)
    {
        _children ??= units.Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        return _children[unitId];
    }
}
