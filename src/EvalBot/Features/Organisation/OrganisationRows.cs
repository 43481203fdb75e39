using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Features.Organisation;

/// <summary>A unit row; references are external ids, resolved against the same file or the database.</summary>
public sealed record UnitRow(RowLocation At, string Id, string Name, Maybe<string?> Parent, Maybe<bool> IsAgency, Maybe<string> PeriodKind, Maybe<string?> TimeZone, Maybe<string?> Head, Maybe<string?> Competent);

/// <summary>A post or a group of similar tasks: both are a named thing optionally owned by a unit.</summary>
public sealed record NamedRow(RowLocation At, string Id, string Name, Maybe<string?> Unit);

/// <summary>A person row.</summary>
public sealed record PersonRow(
    RowLocation At, string Id, string FullName, Maybe<string?> Email, Maybe<string?> AadObjectId, string Unit, Maybe<string?> Post, Maybe<string?> Group,
    Maybe<string?> Leader, Maybe<Population> Population, Maybe<bool> IsPartyMember, Maybe<bool> IsLeader, Maybe<bool> IsBoard,
    Maybe<string?> Language, Maybe<string?> TimeZone, Maybe<bool> IsActive, Maybe<DateOnly?> Hired, Maybe<DateOnly?> Ended);

/// <summary>Parses the organisation kinds (units, posts, groups, people).</summary>
public static class OrganisationRowParser
{
    public static UnitRow Unit(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.At, r.Required("unit_id"), r.Required("name"), r.Text("parent_unit_id"), r.Flag("is_agency"),
            r.Choice("period_kind", Vocabulary.PeriodKinds, "quarter"), Zone(r, "time_zone"), r.Text("head_person_id"), r.Text("competent_person_id"));
    }

    public static NamedRow Named(RowReader r, string idColumn)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.At, r.Required(idColumn), r.Required("name"), r.Text("unit_id"));
    }

    public static PersonRow Person(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var email = r.Text("email");
        if (email.Value is { } e && (!e.Contains('@', StringComparison.Ordinal) || e.Any(char.IsWhiteSpace)))
        {
            r.Fail("email", $"Thư điện tử '{e}' không hợp lệ.", $"'{e}' is not an email address.");
        }

        var hired = r.OptionalDate("hired");
        var ended = r.OptionalDate("ended");
        if (hired.Value is { } from && ended.Value is { } to && to < from)
        {
            r.Fail("ended", "Ngày nghỉ việc trước ngày tuyển dụng.", "The end date is before the hire date.");
        }

        return new(r.At, r.Required("person_id"), r.Required("full_name"), email, r.Text("aad_object_id"), r.Required("unit_id"),
            r.Text("post_id"), r.Text("group_id"), r.Text("leader_person_id"), r.Choice("population", Vocabulary.Populations, Population.CivilServant),
            r.Flag("party_member"), r.Flag("leader"), r.Flag("organisation_board"), r.Choice<string?>("language", Languages, null),
            Zone(r, "time_zone"), r.Has("active") ? r.Choice("active", Vocabulary.Flags, true) : default(Maybe<bool>), hired, ended);
    }

    private static readonly IReadOnlyDictionary<string, string?> Languages = Vocabulary.Languages.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);

    private static Maybe<string?> Zone(RowReader r, string column)
    {
        var zone = r.Text(column);
        if (zone.Value is { } id && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            r.Fail(column, $"Múi giờ '{id}' không tồn tại (ví dụ Asia/Ho_Chi_Minh).", $"Unknown time zone '{id}' (e.g. Asia/Ho_Chi_Minh).");
        }

        return zone;
    }
}
