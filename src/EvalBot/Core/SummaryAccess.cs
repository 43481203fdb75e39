using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Core;

/// <summary>
/// Who may see whom. A person sees themselves; a direct leader their direct reports; a head their unit and every unit
/// below it; the organisation board everyone. Identity is the activity's sender, never card data.
/// </summary>
public sealed class SummaryAccess(EvalBotDbContext db)
{
    /// <summary>
    /// Everyone the viewer may see (active people), themselves included, in id order. Chosen in the database: a head
    /// of one agency reads the people of their units, not the whole organisation's.
    /// </summary>
    public async Task<List<Person>> VisiblePeopleAsync(Person viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var active = db.People.AsNoTracking().Where(p => p.IsActive);
        if (viewer.IsOrganisationBoard) return await active.OrderBy(p => p.Id).ToListAsync(ct);
        var unitIds = (await VisibleUnitsAsync(viewer, ct)).Select(u => u.Id).ToList();
        var id = viewer.Id;
        return await active.Where(p => p.Id == id || p.ManagerId == id || unitIds.Contains(p.UnitId)).OrderBy(p => p.Id).ToListAsync(ct);
    }

    /// <summary>The units the viewer heads and every unit below them; all units for the board.</summary>
    public async Task<List<Unit>> VisibleUnitsAsync(Person viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        if (viewer.IsOrganisationBoard) return [.. units.Values.OrderBy(u => u.Id)];
        var tree = new OrgTree(units);
        var ids = units.Values.Where(u => u.HeadPersonId == viewer.Id).SelectMany(u => tree.Subtree(u.Id)).ToHashSet();
        return [.. units.Values.Where(u => ids.Contains(u.Id)).OrderBy(u => tree.Depth(u.Id)).ThenBy(u => u.Id)];
    }
}
