namespace EvalBot.Features.Organisation;

/// <summary>A Party organisation: a committee, a grassroots organisation or a cell, with its competent level and advisory person.</summary>
public sealed record PartyOrganisationRow(RowLocation At, string Id, string Name, string Kind, Maybe<string?> Parent, Maybe<string?> Competent, Maybe<string?> Advisory, Maybe<bool> IsSpecial);

/// <summary>A person's Party membership, keyed by the person: their official cell, admission, temporary cell and status.</summary>
public sealed record PartyMemberRow(RowLocation At, string Person, string Cell, Maybe<DateOnly?> AdmittedOn, Maybe<string?> TemporaryCell, Maybe<string> Status);

/// <summary>A collective rated on the Party track, with its head and (when the column is there) exactly its members.</summary>
public sealed record PartyCollectiveRow(
    RowLocation At, string Id, string Name, string Kind, string Organisation, Maybe<string?> Parent, string Head, Maybe<IReadOnlyList<string>> Members);

/// <summary>Parses the Party kinds (organisations, memberships, collectives).</summary>
public static class PartyRowParser
{
    private static readonly char[] MemberSeparators = [';', ','];

    public static PartyOrganisationRow Organisation(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.At, r.Required("party_org_id"), r.Required("name"), r.RequiredChoice("kind", Vocabulary.PartyOrgKinds, ""),
            r.Text("parent_party_org_id"), r.Text("competent_person_id"), r.Text("advisory_person_id"), r.Flag("special"));
    }

    public static PartyMemberRow Member(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.At, r.Required("person_id"), r.Required("cell_id"), r.OptionalDate("admitted_on"), r.Text("temporary_cell_id"),
            r.Choice("status", Vocabulary.MembershipStatuses, EvalBot.Persistence.Entities.PartyMembershipStatuses.Active));
    }

    public static PartyCollectiveRow Collective(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var members = r.Text("member_person_ids");
        var list = members.Present
            ? new Maybe<IReadOnlyList<string>>(true, (members.Value ?? "").Split(MemberSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList())
            : default;
        return new(r.At, r.Required("collective_id"), r.Required("name"), r.RequiredChoice("kind", Vocabulary.CollectiveKinds, ""),
            r.Required("party_org_id"), r.Text("parent_collective_id"), r.Required("head_person_id"), list);
    }
}
