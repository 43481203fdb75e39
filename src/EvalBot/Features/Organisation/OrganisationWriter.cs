using EvalBot.Persistence;
using EvalBot.Persistence.Entities;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Upserts units, posts, groups and people by external id. Navigations carry references to rows created in the
/// same import; references without a navigation (unit heads, direct leaders, owning units) are deferred.
/// </summary>
public sealed class OrganisationWriter(EvalBotDbContext db, OrganisationIndex index, ImportCounts counts, List<Action> deferred)
{
    public void Write(ParsedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var row in file.Units) Unit(row);
        foreach (var row in file.Posts) Post(row);
        foreach (var row in file.Groups) Group(row);
        foreach (var row in file.People) Person(row);
    }

    private void Unit(UnitRow r)
    {
        var created = !index.Units.TryGetValue(r.Id, out var u);
        if (u is null) { db.Units.Add(u = new Unit { ExternalId = r.Id, Name = r.Name }); index.Units[r.Id] = u; }
        var c = new ChangeSet(deferred);
        c.Set(u.Name, r.Name, v => u.Name = v);
        c.Set(u.IsAgency, r.IsAgency, v => u.IsAgency = v);
        c.Set(u.PeriodKind, r.PeriodKind, v => u.PeriodKind = v);
        if (r.TimeZone.Present) c.Set(u.TimeZone, r.TimeZone.Value ?? "Asia/Ho_Chi_Minh", v => u.TimeZone = v);
        c.Reference(index.UnitOf(u.ParentId), r.Parent, ext => u.Parent = ext is null ? null : index.Units[ext]);
        c.Reference(index.PersonOf(u.HeadPersonId), r.Head, ext => u.HeadPersonId = ext is null ? null : index.People[ext].Id);
        c.Reference(index.PersonOf(u.CompetentPersonId), r.Competent, ext => u.CompetentPersonId = ext is null ? null : index.People[ext].Id);
        counts.Add(ImportKind.Units, created, c.Changed);
    }

    private void Post(NamedRow r)
    {
        var created = !index.Posts.TryGetValue(r.Id, out var p);
        if (p is null) { db.Posts.Add(p = new Post { ExternalId = r.Id, Name = r.Name }); index.Posts[r.Id] = p; }
        var c = new ChangeSet(deferred);
        c.Set(p.Name, r.Name, v => p.Name = v);
        c.Reference(index.UnitOf(p.UnitId), r.Unit, ext => p.UnitId = ext is null ? null : index.Units[ext].Id);
        counts.Add(ImportKind.Posts, created, c.Changed);
    }

    private void Group(NamedRow r)
    {
        var created = !index.Groups.TryGetValue(r.Id, out var g);
        if (g is null) { db.TaskGroups.Add(g = new TaskGroup { ExternalId = r.Id, Name = r.Name }); index.Groups[r.Id] = g; }
        var c = new ChangeSet(deferred);
        c.Set(g.Name, r.Name, v => g.Name = v);
        c.Reference(index.UnitOf(g.UnitId), r.Unit, ext => g.UnitId = ext is null ? null : index.Units[ext].Id);
        counts.Add(ImportKind.Groups, created, c.Changed);
    }

    private void Person(PersonRow r)
    {
        var created = !index.People.TryGetValue(r.Id, out var p);
        if (p is null) { db.People.Add(p = new Person { ExternalId = r.Id, FullName = r.FullName }); index.People[r.Id] = p; }
        var c = new ChangeSet(deferred);
        c.Set(p.FullName, r.FullName, v => p.FullName = v);
        c.Set(p.Email, r.Email, v => p.Email = v);
        c.Set(p.AadObjectId, r.AadObjectId, v => p.AadObjectId = v);
        c.Set(p.Population, r.Population, v => p.Population = v);
        c.Set(p.IsPartyMember, r.IsPartyMember, v => p.IsPartyMember = v);
        c.Set(p.IsLeader, r.IsLeader, v => p.IsLeader = v);
        c.Set(p.IsOrganisationBoard, r.IsBoard, v => p.IsOrganisationBoard = v);
        c.Set(p.PreferredLanguage, r.Language, v => p.PreferredLanguage = v);
        c.Set(p.TimeZone, r.TimeZone, v => p.TimeZone = v);
        c.Set(p.IsActive, r.IsActive, v => p.IsActive = v);
        c.Set(p.HiredOn, r.Hired, v => p.HiredOn = v);
        c.Set(p.EndedOn, r.Ended, v => p.EndedOn = v);

        // Unit, post and group have navigations, so a person can point at one created by this same import at once.
        if (created || index.UnitOf(p.UnitId) != r.Unit) { p.Unit = index.Units[r.Unit]; c.MarkChanged(); }
        if (r.Post.Present && index.PostOf(p.PostId) != r.Post.Value)
        {
            p.Post = r.Post.Value is { } post ? index.Posts[post] : null;
            if (p.Post is null) p.PostId = null;
            c.MarkChanged();
        }

        if (r.Group.Present && index.GroupOf(p.TaskGroupId) != r.Group.Value)
        {
            p.TaskGroup = r.Group.Value is { } group ? index.Groups[group] : null;
            if (p.TaskGroup is null) p.TaskGroupId = null;
            c.MarkChanged();
        }

        c.Reference(index.PersonOf(p.ManagerId), r.Leader, ext => p.ManagerId = ext is null ? null : index.People[ext].Id);
        counts.Add(ImportKind.People, created, c.Changed);
    }
}
