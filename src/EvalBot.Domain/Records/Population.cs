namespace EvalBot.Domain.Records;

/// <summary>Who is evaluated; the population and the year decide which rule-set applies (domain-rules §0).</summary>
public enum Population
{
    /// <summary>Cán bộ: elected or appointed for a term.</summary>
    Cadre = 0,

    /// <summary>Công chức.</summary>
    CivilServant = 1,

    /// <summary>Viên chức, in public service units.</summary>
    PublicEmployee = 2,

    /// <summary>Tập thể: a collective or leadership collective (Party track).</summary>
    Collective = 3,

    /// <summary>A Party member outside the political system (retiree, student, private sector).</summary>
    PartyMemberOutsideSystem = 4,
}
