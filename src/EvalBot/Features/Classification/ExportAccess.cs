using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// Who may take the official list of which unit: the organisation board any unit (the whole organisation by default); a
/// head the units they lead and the units below them (<see cref="SummaryAccess"/>); nobody else. Always asked about the
/// activity's sender or the link's holder as they are now, never about what a card or a link says.
/// </summary>
public sealed class ExportAccess(EvalBotDbContext db, SummaryAccess access)
{
    /// <summary>
    /// The units whose lists <paramref name="me"/> gets when asking for <paramref name="unitExternalId"/> (null: the board
    /// the whole organisation, a head each unit they lead at the top of their reach); empty when they may not.
    /// </summary>
    public async Task<List<Unit>> RootsAsync(Person me, string? unitExternalId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (me.IsOrganisationBoard)
        {
            var all = await db.Units.AsNoTracking().ToListAsync(ct);
            var root = unitExternalId is null ? all.OrderBy(u => u.Id).FirstOrDefault(u => u.ParentId is null) : all.FirstOrDefault(u => u.ExternalId == unitExternalId);
            return root is null ? [] : [root];
        }

        var visible = await access.VisibleUnitsAsync(me, ct);
        if (unitExternalId is not null)
        {
            return [.. visible.Where(u => u.ExternalId == unitExternalId)];
        }

        var ids = visible.Select(u => u.Id).ToHashSet();
        return [.. visible.Where(u => u.HeadPersonId == me.Id && (u.ParentId is not { } parent || !ids.Contains(parent)))];
    }

    /// <summary>Whether <paramref name="me"/> may take the list of the unit with id <paramref name="unitId"/> now.</summary>
    public async Task<bool> MayExportAsync(Person me, long unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return me.IsOrganisationBoard
            ? await db.Units.AnyAsync(u => u.Id == unitId, ct)
            : (await access.VisibleUnitsAsync(me, ct)).Any(u => u.Id == unitId);
    }
}
