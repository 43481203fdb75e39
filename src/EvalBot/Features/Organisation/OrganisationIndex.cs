using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Organisation;

/// <summary>
/// The stored organisation (units, posts, groups, people, Party organisations, memberships and collectives), tracked and keyed by external id, with the reverse map
/// from row id to external id. Imports compare references by external id, so a reference to a row created by the
/// same import needs no database id yet.
/// </summary>
public sealed class OrganisationIndex
{
    public Dictionary<string, Unit> Units { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Post> Posts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TaskGroup> Groups { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Person> People { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PartyOrganisation> PartyOrganisations { get; } = new(StringComparer.Ordinal);

    /// <summary>Memberships by their external id, the person's.</summary>
    public Dictionary<string, PartyMembership> PartyMemberships { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PartyCollective> PartyCollectives { get; } = new(StringComparer.Ordinal);

    /// <summary>The stored score sheets by their id: what each is attached to (<c>post</c>, <c>group</c>, <c>agency</c>) and that row's external id.</summary>
    public Dictionary<string, (string AppliesTo, string Scope)> ScoreSheets { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<long, string> _unitIds = [];
    private readonly Dictionary<long, string> _postIds = [];
    private readonly Dictionary<long, string> _groupIds = [];
    private readonly Dictionary<long, string> _personIds = [];
    private readonly Dictionary<long, string> _partyOrgIds = [];
    private readonly Dictionary<long, string> _collectiveIds = [];

    public static async Task<OrganisationIndex> LoadAsync(EvalBotDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var index = new OrganisationIndex();
        foreach (var u in await db.Units.ToListAsync(ct)) { index.Units[u.ExternalId] = u; index._unitIds[u.Id] = u.ExternalId; }
        foreach (var p in await db.Posts.ToListAsync(ct)) { index.Posts[p.ExternalId] = p; index._postIds[p.Id] = p.ExternalId; }
        foreach (var g in await db.TaskGroups.ToListAsync(ct)) { index.Groups[g.ExternalId] = g; index._groupIds[g.Id] = g.ExternalId; }
        foreach (var p in await db.People.ToListAsync(ct)) { index.People[p.ExternalId] = p; index._personIds[p.Id] = p.ExternalId; }
        foreach (var o in await db.PartyOrganisations.ToListAsync(ct)) { index.PartyOrganisations[o.ExternalId] = o; index._partyOrgIds[o.Id] = o.ExternalId; }
        foreach (var m in await db.PartyMemberships.ToListAsync(ct)) index.PartyMemberships[m.ExternalId] = m;
        foreach (var c in await db.PartyCollectives.ToListAsync(ct)) { index.PartyCollectives[c.ExternalId] = c; index._collectiveIds[c.Id] = c.ExternalId; }
        var sheets = await db.ScoreSheetCriteria.AsNoTracking().Select(c => new { c.SheetExternalId, c.PostId, c.TaskGroupId, c.UnitId }).Distinct().ToListAsync(ct);
        foreach (var c in sheets)
        {
            var scope = c.PostId is not null ? ("post", index.PostOf(c.PostId)) : c.TaskGroupId is not null ? ("group", index.GroupOf(c.TaskGroupId)) : ("agency", index.UnitOf(c.UnitId));
            if (scope.Item2 is { } id) index.ScoreSheets[c.SheetExternalId] = (scope.Item1, id);
        }

        return index;
    }

    public string? UnitOf(long? id) => Ext(_unitIds, id);

    public string? PostOf(long? id) => Ext(_postIds, id);

    public string? GroupOf(long? id) => Ext(_groupIds, id);

    public string? PersonOf(long? id) => Ext(_personIds, id);

    public string? PartyOrganisationOf(long? id) => Ext(_partyOrgIds, id);

    public string? CollectiveOf(long? id) => Ext(_collectiveIds, id);

    private static string? Ext(Dictionary<long, string> map, long? id) => id is { } v && map.TryGetValue(v, out var ext) ? ext : null;
}
