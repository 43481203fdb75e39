namespace EvalBot.Persistence.Entities;

/// <summary>
/// A Party organisation (Regulation 366): a party committee, a grassroots organisation or a cell, with the person who
/// decides the ratings of its members and collectives (its competent level, usually the directly superior committee)
/// and the advisory body (a person assigned) that verifies them.
/// </summary>
public sealed class PartyOrganisation
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public required string Name { get; set; }

    /// <summary><c>committee</c>, <c>grassroots</c> or <c>cell</c>.</summary>
    public string Kind { get; set; } = PartyOrganisationKinds.Cell;
    public long? ParentId { get; set; }

    /// <summary>The competent level: decides the Party ratings of the organisation's members and collectives (step 3).</summary>
    public long? CompetentPersonId { get; set; }

    /// <summary>The advisory body's person: verifies and proposes (step 2).</summary>
    public long? AdvisoryPersonId { get; set; }

    /// <summary>
    /// A special unit (đơn vị đặc thù, Guidance 43 §4): its ratings, and those of the organisations under it, are due by
    /// <c>Party:SpecialDeadline</c> (15 January of the next year) instead of <c>Party:Deadline</c>.
    /// </summary>
    public bool IsSpecial { get; set; }
}

/// <summary>The kinds of Party organisation as stored and imported.</summary>
public static class PartyOrganisationKinds
{
    public const string Committee = "committee";
    public const string Grassroots = "grassroots";
    public const string Cell = "cell";
}

/// <summary>
/// A person's Party membership: the official cell where they are rated, the date they were admitted (members admitted
/// under six months before the review are not rated), temporary activity elsewhere, and exemption or suspension.
/// </summary>
public sealed class PartyMembership
{
    public long Id { get; set; }

    /// <summary>The person's external id: one membership per person, imports are idempotent by it.</summary>
    public required string ExternalId { get; set; }
    public long PersonId { get; set; }
    public long CellId { get; set; }
    public DateOnly? AdmittedOn { get; set; }

    /// <summary>The cell of temporary activity, whose comment the official cell collects first (Guidance 43 §7.6).</summary>
    public long? TemporaryCellId { get; set; }

    /// <summary><c>active</c>, <c>exempt</c> (from work and party activity) or <c>suspended</c>: the last two are not rated.</summary>
    public string Status { get; set; } = PartyMembershipStatuses.Active;
}

/// <summary>The statuses of a membership as stored and imported.</summary>
public static class PartyMembershipStatuses
{
    public const string Active = "active";
    public const string Exempt = "exempt";
    public const string Suspended = "suspended";
}

/// <summary>
/// A collective rated on the Party track: a party cell or committee, a leadership collective (ban lãnh đạo, tập thể
/// lãnh đạo) or an agency; rated before its members, by the competent level of its Party organisation.
/// </summary>
public sealed class PartyCollective
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public required string Name { get; set; }

    /// <summary><c>leadership</c>, <c>party</c> (a cell or committee as a collective) or <c>agency</c>.</summary>
    public string Kind { get; set; } = PartyCollectiveKinds.Leadership;

    /// <summary>The Party organisation whose competent level decides the collective's rating.</summary>
    public long PartyOrganisationId { get; set; }

    /// <summary>The collective above it, rated after it (lower before higher).</summary>
    public long? ParentId { get; set; }

    /// <summary>The head, who prepares the collective's report (Form 01) and self-rates it.</summary>
    public long HeadPersonId { get; set; }

}

/// <summary>A member of a collective (the head included): a leader is reviewed at their cell and in their leadership collective.</summary>
public sealed class PartyCollectiveMember
{
    public long Id { get; set; }
    public long CollectiveId { get; set; }
    public long PersonId { get; set; }
}

/// <summary>The kinds of collective as stored and imported.</summary>
public static class PartyCollectiveKinds
{
    public const string Leadership = "leadership";
    public const string Party = "party";
    public const string Agency = "agency";
}
