using OrgKind = EvalBot.Persistence.Entities.PartyOrganisationKinds;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Checks the Party rows once the file is applied in thought: every reference names a row of the file or a stored one,
/// organisation and collective parents form no cycle, a cell is the parent of no organisation, a membership's cells are
/// cells (the temporary one another than the official one), and nobody marked not a Party member in the same file gets a membership.
/// </summary>
public static class PartyCheck
{
    public static void Run(ParsedFile file, OrganisationIndex index, IReadOnlySet<string> people, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(errors);
        var kinds = index.PartyOrganisations.Values.ToDictionary(o => o.ExternalId, o => o.Kind, StringComparer.Ordinal);
        foreach (var o in file.PartyOrganisations) kinds[o.Id] = o.Kind;
        void Check(RowLocation at, string column, string? id, bool known, string vi, string en)
        {
            if (id is not null && !known)
            {
                errors.Add(ImportError.At(at, column, $"Không tìm thấy {vi} '{id}' trong tệp hoặc cơ sở dữ liệu.", $"No {en} '{id}' in the file or the database."));
            }
        }

        foreach (var o in file.PartyOrganisations)
        {
            Check(o.At, "parent_party_org_id", o.Parent.Value, o.Parent.Value is { } p && kinds.ContainsKey(p), "tổ chức đảng", "Party organisation");
            Check(o.At, "competent_person_id", o.Competent.Value, o.Competent.Value is { } c && people.Contains(c), "người", "person");
            Check(o.At, "advisory_person_id", o.Advisory.Value, o.Advisory.Value is { } a && people.Contains(a), "người", "person");
        }

        foreach (var m in file.PartyMembers)
        {
            Check(m.At, "person_id", m.Person, people.Contains(m.Person), "người", "person");
            Check(m.At, "cell_id", m.Cell, kinds.ContainsKey(m.Cell), "chi bộ", "cell");
            Check(m.At, "temporary_cell_id", m.TemporaryCell.Value, m.TemporaryCell.Value is { } t && kinds.ContainsKey(t), "chi bộ", "cell");
        }

        var collectives = new HashSet<string>(file.PartyCollectives.Select(c => c.Id).Concat(index.PartyCollectives.Keys), StringComparer.Ordinal);
        foreach (var c in file.PartyCollectives)
        {
            Check(c.At, "party_org_id", c.Organisation, kinds.ContainsKey(c.Organisation), "tổ chức đảng", "Party organisation");
            Check(c.At, "parent_collective_id", c.Parent.Value, c.Parent.Value is { } p && collectives.Contains(p), "tập thể", "collective");
            Check(c.At, "head_person_id", c.Head, people.Contains(c.Head), "người", "person");
            foreach (var member in c.Members.Value ?? []) Check(c.At, "member_person_ids", member, people.Contains(member), "người", "person");
        }

        CellsHaveNoChildren(file, index, kinds, errors);
        MembershipsAreInCells(file, index, kinds, errors);
        NotMembersHaveNoMembership(file, errors);
        Cycles.Check(file.PartyOrganisations.Where(o => o.Parent.Present).Select(o => (o.At, o.Id, o.Parent.Value)),
            index.PartyOrganisations.Values.ToDictionary(o => o.ExternalId, o => index.PartyOrganisationOf(o.ParentId), StringComparer.Ordinal),
            "parent_party_org_id", "tổ chức đảng cấp trên", "Party organisation parents", errors);
        Cycles.Check(file.PartyCollectives.Where(c => c.Parent.Present).Select(c => (c.At, c.Id, c.Parent.Value)),
            index.PartyCollectives.Values.ToDictionary(c => c.ExternalId, c => index.CollectiveOf(c.ParentId), StringComparer.Ordinal),
            "parent_collective_id", "tập thể cấp trên", "collective parents", errors);
    }

    /// <summary>Every organisation's final parent is not a cell; blamed on the child's row, else on the row that made the parent a cell.</summary>
    private static void CellsHaveNoChildren(ParsedFile file, OrganisationIndex index, Dictionary<string, string> kinds, List<ImportError> errors)
    {
        var parents = index.PartyOrganisations.Values.ToDictionary(o => o.ExternalId, o => index.PartyOrganisationOf(o.ParentId), StringComparer.Ordinal);
        var children = file.PartyOrganisations.Where(o => o.Parent.Present).ToDictionary(o => o.Id, StringComparer.Ordinal);
        foreach (var o in children.Values) parents[o.Id] = o.Parent.Value;
        var rows = file.PartyOrganisations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        foreach (var (child, parent) in parents)
        {
            if (parent is null || kinds.GetValueOrDefault(parent) != OrgKind.Cell) continue;
            var vi = $"Chi bộ '{parent}' không thể là tổ chức cấp trên của '{child}'.";
            var en = $"The cell '{parent}' cannot be the parent of '{child}'.";
            if (children.TryGetValue(child, out var row)) errors.Add(ImportError.At(row.At, "parent_party_org_id", vi, en));
            else if (rows.TryGetValue(parent, out var parentRow)) errors.Add(ImportError.At(parentRow.At, "kind", vi, en));
        }
    }

    /// <summary>The official and temporary cells of every membership, imported or stored, are organisations of kind cell.</summary>
    private static void MembershipsAreInCells(ParsedFile file, OrganisationIndex index, Dictionary<string, string> kinds, List<ImportError> errors)
    {
        var rows = file.PartyOrganisations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var imported = file.PartyMembers.Select(m => m.Person).ToHashSet(StringComparer.Ordinal);
        void NotACell(RowLocation at, string column, string id)
        {
            errors.Add(ImportError.At(at, column, $"'{id}' không phải là chi bộ (loại {kinds[id]}).", $"'{id}' is not a cell (it is a {kinds[id]})."));
        }

        foreach (var m in file.PartyMembers)
        {
            if (kinds.TryGetValue(m.Cell, out var kind) && kind != OrgKind.Cell) NotACell(m.At, "cell_id", m.Cell);
            if (m.TemporaryCell.Value is { } t && kinds.TryGetValue(t, out var tKind) && tKind != OrgKind.Cell) NotACell(m.At, "temporary_cell_id", t);
            if (string.Equals(m.TemporaryCell.Value, m.Cell, StringComparison.Ordinal))
            {
                errors.Add(ImportError.At(m.At, "temporary_cell_id", "Chi bộ sinh hoạt tạm thời trùng với chi bộ chính thức.", "The cell of temporary activity is the official cell."));
            }
        }

        foreach (var m in index.PartyMemberships.Values.Where(m => !imported.Contains(m.ExternalId)))
        {
            foreach (var cell in new[] { index.PartyOrganisationOf(m.CellId), index.PartyOrganisationOf(m.TemporaryCellId) })
            {
                if (cell is not null && rows.TryGetValue(cell, out var row) && row.Kind != OrgKind.Cell)
                {
                    errors.Add(ImportError.At(row.At, "kind", $"Đảng viên '{m.ExternalId}' đang sinh hoạt ở '{cell}': tổ chức này phải là chi bộ.", $"The Party member '{m.ExternalId}' belongs to '{cell}': it must stay a cell."));
                }
            }
        }
    }

    private static void NotMembersHaveNoMembership(ParsedFile file, List<ImportError> errors)
    {
        var notMembers = file.People.Where(p => p.IsPartyMember is { Present: true, Value: false }).ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var m in file.PartyMembers)
        {
            if (!notMembers.TryGetValue(m.Person, out var person)) continue;
            errors.Add(ImportError.At(m.At, "person_id",
                $"'{m.Person}' có sinh hoạt đảng nhưng trang {person.At.Sheet} dòng {person.At.Row} ghi party_member = không.",
                $"'{m.Person}' has a Party membership but {person.At.Sheet} row {person.At.Row} says party_member = no."));
        }
    }
}
