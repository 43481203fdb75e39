using EvalBot.Domain;
using EvalBot.Domain.Records;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Core;

/// <summary>
/// The results of the unit a leader leads, from the confirmed reports of its members in the year: share of assigned
/// products completed, exceeded and delivered on time, and the levels of the units below (the levels already compiled
/// for their heads, which is why units are compiled before the people who lead them).
/// </summary>
public static class LeaderUnitResults
{
    public static UnitResult? For(Person leader, YearData data, OrgTree tree, IReadOnlyDictionary<long, Level?> compiledLevels) =>
        For(leader, data, tree, compiledLevels, []);

    /// <summary>
    /// <see cref="For(Person, YearData, OrgTree, IReadOnlyDictionary{long, Level?})"/> with each member's line totals kept in
    /// <paramref name="totals"/> across calls: the people of a department count for its head and for every head above.
    /// </summary>
    internal static UnitResult? For(Person leader, YearData data, OrgTree tree, IReadOnlyDictionary<long, Level?> compiledLevels, Dictionary<long, LineTotals> totals)
    {
        ArgumentNullException.ThrowIfNull(leader);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(compiledLevels);
        ArgumentNullException.ThrowIfNull(totals);
        foreach (var id in MemberIds(leader, data.Units, tree, data.PeopleByUnit))
        {
            if (!totals.ContainsKey(id)) totals.Add(id, LineTotals.Of(data.Reports[id], data.Targets));
        }

        return FromTotals(leader, data.Units, tree, data.PeopleByUnit, totals, compiledLevels);
    }

    /// <summary>
    /// The same result as <see cref="For"/> from each member's line totals (the compile keeps totals, not the whole year's
    /// lines): the people of the headed unit's subtree in <paramref name="peopleByUnit"/>, the leader left out.
    /// </summary>
    internal static UnitResult? FromTotals(Person leader, IReadOnlyDictionary<long, Persistence.Entities.Unit> units, OrgTree tree,
        ILookup<long, Person> peopleByUnit, IReadOnlyDictionary<long, LineTotals> totals, IReadOnlyDictionary<long, Level?> compiledLevels)
    {
        var sum = default(LineTotals);
        foreach (var id in MemberIds(leader, units, tree, peopleByUnit))
        {
            sum += totals[id];
        }

        if (sum.Lines == 0) return null;
        decimal Share(int count) => Math.Round(100m * count / sum.Lines, 2, MidpointRounding.AwayFromZero);
        var unit = tree.Headed(leader.Id) ?? units[leader.UnitId];
        var subUnits = tree.Children(unit.Id)
            .Select(c => c.HeadPersonId is { } h && compiledLevels.TryGetValue(h, out var level) ? level : null)
            .OfType<Level>().ToList();
        return new UnitResult(Share(sum.Completed), Share(sum.Exceeded), Share(sum.OnTime), subUnits);
    }

    /// <summary>The people whose lines make a leader's unit result.</summary>
    internal static IEnumerable<long> MemberIds(Person leader, IReadOnlyDictionary<long, Persistence.Entities.Unit> units, OrgTree tree, ILookup<long, Person> peopleByUnit)
    {
        var unit = tree.Headed(leader.Id) ?? units[leader.UnitId];
        foreach (var u in tree.Subtree(unit.Id))
        {
            foreach (var p in peopleByUnit[u])
            {
                if (p.Id != leader.Id) yield return p.Id;
            }
        }
    }
}
