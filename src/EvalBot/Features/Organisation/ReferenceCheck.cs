namespace EvalBot.Features.Organisation;

/// <summary>
/// Checks that every reference names a row of the same file or a stored one, that Entra object ids stay unique,
/// and that neither unit parents nor direct leaders form a cycle once the file is applied; the Party rows in <see cref="PartyCheck"/>.
/// </summary>
public static class ReferenceCheck
{
    public static void Run(ParsedFile file, OrganisationIndex index, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(errors);
        var units = Known(file.Units.Select(u => u.Id), index.Units.Keys);
        var posts = Known(file.Posts.Select(p => p.Id), index.Posts.Keys);
        var groups = Known(file.Groups.Select(g => g.Id), index.Groups.Keys);
        var people = Known(file.People.Select(p => p.Id), index.People.Keys);
        void Check(RowLocation at, string column, string? id, HashSet<string> known, string vi, string en)
        {
            if (id is not null && !known.Contains(id))
            {
                errors.Add(ImportError.At(at, column, $"Không tìm thấy {vi} '{id}' trong tệp hoặc cơ sở dữ liệu.", $"No {en} '{id}' in the file or the database."));
            }
        }

        foreach (var u in file.Units)
        {
            Check(u.At, "parent_unit_id", u.Parent.Value, units, "đơn vị", "unit");
            Check(u.At, "head_person_id", u.Head.Value, people, "người", "person");
            Check(u.At, "competent_person_id", u.Competent.Value, people, "người", "person");
        }

        foreach (var p in file.Posts) Check(p.At, "unit_id", p.Unit.Value, units, "đơn vị", "unit");
        foreach (var g in file.Groups) Check(g.At, "unit_id", g.Unit.Value, units, "đơn vị", "unit");
        foreach (var p in file.People)
        {
            Check(p.At, "unit_id", p.Unit, units, "đơn vị", "unit");
            Check(p.At, "post_id", p.Post.Value, posts, "vị trí việc làm", "post");
            Check(p.At, "group_id", p.Group.Value, groups, "nhóm", "group");
            Check(p.At, "leader_person_id", p.Leader.Value, people, "người", "person");
        }

        foreach (var t in file.Targets)
        {
            Check(t.At, "person_id", t.Person, people, "người", "person");
            Check(t.At, "post_id", t.Post, posts, "vị trí việc làm", "post");
        }

        foreach (var (at, person) in PersonReferences(file)) Check(at, "person_id", person, people, "người", "person");
        foreach (var t in file.Transfers) Check(t.At, "to_unit_id", t.ToUnit, units, "đơn vị", "unit");
        UniqueEntraIds(file, index, errors);
        PartyCheck.Run(file, index, people, errors);
        Cycles.Check(file.Units.Where(u => u.Parent.Present).Select(u => (u.At, u.Id, u.Parent.Value)),
            index.Units.Values.ToDictionary(u => u.ExternalId, u => index.UnitOf(u.ParentId), StringComparer.Ordinal),
            "parent_unit_id", "đơn vị cấp trên", "unit parents", errors);
        Cycles.Check(file.People.Where(p => p.Leader.Present).Select(p => (p.At, p.Id, p.Leader.Value)),
            index.People.Values.ToDictionary(p => p.ExternalId, p => index.PersonOf(p.ManagerId), StringComparer.Ordinal),
            "leader_person_id", "lãnh đạo trực tiếp", "direct leaders", errors);
    }

    private static HashSet<string> Known(IEnumerable<string> inFile, IEnumerable<string> stored) => new(inFile.Concat(stored), StringComparer.Ordinal);

    private static IEnumerable<(RowLocation, string)> PersonReferences(ParsedFile f) =>
        f.Leave.Select(x => (x.At, x.Person)).Concat(f.Discipline.Select(x => (x.At, x.Person))).Concat(f.Findings.Select(x => (x.At, x.Person)))
            .Concat(f.Transfers.Select(x => (x.At, x.Person))).Concat(f.Votes.Select(x => (x.At, x.Person)))
            .Concat(f.PriorScores.Select(x => (x.At, x.Person)));

    private static void UniqueEntraIds(ParsedFile file, OrganisationIndex index, List<ImportError> errors)
    {
        var final = index.People.Values.Where(p => p.AadObjectId is not null).ToDictionary(p => p.ExternalId, p => p.AadObjectId!, StringComparer.Ordinal);
        foreach (var p in file.People.Where(p => p.AadObjectId.Present))
        {
            if (p.AadObjectId.Value is { } aad) final[p.Id] = aad; else final.Remove(p.Id);
        }

        var owners = final.GroupBy(kv => kv.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var p in file.People.Where(p => p.AadObjectId.Value is { } aad && owners.ContainsKey(aad)))
        {
            var others = string.Join(", ", owners[p.AadObjectId.Value!].Where(id => id != p.Id));
            errors.Add(ImportError.At(p.At, "aad_object_id", $"Mã Entra đã thuộc về {others}.", $"The Entra object id already belongs to {others}."));
        }
    }
}
