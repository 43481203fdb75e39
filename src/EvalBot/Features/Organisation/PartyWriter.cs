using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Upserts Party organisations, memberships and collectives by external id, after the organisation rows are saved
/// (people have ids). Organisations are saved before the rows that refer to them; parents are assigned after the save
/// that gives them ids. A collective's members are replaced by exactly the listed ones and its head, so a re-import
/// of the same file changes nothing.
/// </summary>
public sealed class PartyWriter(EvalBotDbContext db, OrganisationIndex index, ImportCounts counts)
{
    public async Task WriteAsync(ParsedFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.PartyOrganisations.Count + file.PartyMembers.Count + file.PartyCollectives.Count == 0) return;
        var deferred = new List<Action>();
        foreach (var row in file.PartyOrganisations) Organisation(row, deferred);
        await db.SaveChangesAsync(ct);
        deferred.ForEach(assign => assign());
        deferred.Clear();
        foreach (var row in file.PartyMembers) Member(row);
        var collectives = file.PartyCollectives.Select(row => Collective(row, deferred)).ToList();
        await db.SaveChangesAsync(ct);
        deferred.ForEach(assign => assign());
        await MembersAsync(collectives, ct);
    }

    private void Organisation(PartyOrganisationRow r, List<Action> deferred)
    {
        var created = !index.PartyOrganisations.TryGetValue(r.Id, out var o);
        if (o is null) { db.PartyOrganisations.Add(o = new PartyOrganisation { ExternalId = r.Id, Name = r.Name, Kind = r.Kind }); index.PartyOrganisations[r.Id] = o; }
        var c = new ChangeSet(deferred);
        c.Set(o.Name, r.Name, v => o.Name = v);
        c.Set(o.Kind, r.Kind, v => o.Kind = v);
        c.Set(o.IsSpecial, r.IsSpecial, v => o.IsSpecial = v);
        c.Reference(index.PartyOrganisationOf(o.ParentId), r.Parent, ext => o.ParentId = ext is null ? null : index.PartyOrganisations[ext].Id);
        c.Reference(index.PersonOf(o.CompetentPersonId), r.Competent, ext => o.CompetentPersonId = ext is null ? null : index.People[ext].Id);
        c.Reference(index.PersonOf(o.AdvisoryPersonId), r.Advisory, ext => o.AdvisoryPersonId = ext is null ? null : index.People[ext].Id);
        counts.Add(ImportKind.PartyOrganisations, created, c.Changed);
    }

    /// <summary>A membership; its person becomes a Party member (not counted: the membership row is).</summary>
    private void Member(PartyMemberRow r)
    {
        var created = !index.PartyMemberships.TryGetValue(r.Person, out var m);
        if (m is null) { db.PartyMemberships.Add(m = new PartyMembership { ExternalId = r.Person }); index.PartyMemberships[r.Person] = m; }
        var person = index.People[r.Person];
        var c = new ChangeSet([]);
        c.Set(m.PersonId, person.Id, v => m.PersonId = v);
        c.Set(m.CellId, index.PartyOrganisations[r.Cell].Id, v => m.CellId = v);
        c.Set(m.AdmittedOn, r.AdmittedOn, v => m.AdmittedOn = v);
        if (r.TemporaryCell.Present) c.Set(m.TemporaryCellId, r.TemporaryCell.Value is { } t ? (long?)index.PartyOrganisations[t].Id : null, v => m.TemporaryCellId = v);
        c.Set(m.Status, r.Status, v => m.Status = v);
        person.IsPartyMember = true;
        counts.Add(ImportKind.PartyMembers, created, c.Changed);
    }

    private (PartyCollectiveRow Row, PartyCollective Entity, bool Created, ChangeSet Changes) Collective(PartyCollectiveRow r, List<Action> deferred)
    {
        var created = !index.PartyCollectives.TryGetValue(r.Id, out var x);
        if (x is null) { db.PartyCollectives.Add(x = new PartyCollective { ExternalId = r.Id, Name = r.Name, Kind = r.Kind }); index.PartyCollectives[r.Id] = x; }
        var c = new ChangeSet(deferred);
        c.Set(x.Name, r.Name, v => x.Name = v);
        c.Set(x.Kind, r.Kind, v => x.Kind = v);
        c.Set(x.PartyOrganisationId, index.PartyOrganisations[r.Organisation].Id, v => x.PartyOrganisationId = v);
        c.Set(x.HeadPersonId, index.People[r.Head].Id, v => x.HeadPersonId = v);
        c.Reference(index.CollectiveOf(x.ParentId), r.Parent, ext => x.ParentId = ext is null ? null : index.PartyCollectives[ext].Id);
        return (r, x, created, c);
    }

    /// <summary>
    /// Makes each collective's members exactly the listed people and its head (without the column: the stored members
    /// and the head), then counts the collective, changed when its members changed.
    /// </summary>
    private async Task MembersAsync(List<(PartyCollectiveRow Row, PartyCollective Entity, bool Created, ChangeSet Changes)> collectives, CancellationToken ct)
    {
        var ids = collectives.Select(c => c.Entity.Id).ToList();
        var stored = (await db.PartyCollectiveMembers.Where(m => ids.Contains(m.CollectiveId)).ToListAsync(ct)).ToLookup(m => m.CollectiveId);
        foreach (var (row, entity, created, changes) in collectives)
        {
            var current = stored[entity.Id].ToList();
            var wanted = (row.Members.Present ? row.Members.Value.Select(p => index.People[p].Id) : current.Select(m => m.PersonId))
                .Append(entity.HeadPersonId).ToHashSet();
            var kept = new HashSet<long>();
            foreach (var member in current)
            {
                if (wanted.Contains(member.PersonId) && kept.Add(member.PersonId)) continue;
                db.PartyCollectiveMembers.Remove(member);
                changes.MarkChanged();
            }

            foreach (var person in wanted.Where(p => !kept.Contains(p)))
            {
                db.PartyCollectiveMembers.Add(new PartyCollectiveMember { CollectiveId = entity.Id, PersonId = person });
                changes.MarkChanged();
            }

            counts.Add(ImportKind.PartyCollectives, created, changes.Changed);
        }
    }
}
