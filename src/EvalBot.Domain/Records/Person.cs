namespace EvalBot.Domain.Records;

/// <summary>The person as the rules see them for one year: population, Party membership, post and groupings.</summary>
/// <param name="Id">Stable person id.</param>
/// <param name="Population">Cán bộ, công chức or viên chức.</param>
/// <param name="IsPartyMember">Party members also get a QD366 rating.</param>
/// <param name="Post">The highest post held (Reg. 366 Art. 3.4).</param>
/// <param name="IsLeader">Leaders are also judged on their unit's results.</param>
/// <param name="UnitId">The agency or unit that rates the person.</param>
/// <param name="GroupId">The group of similar tasks used for the quota.</param>
public sealed record Person(
    string Id,
    Population Population,
    bool IsPartyMember,
    string Post,
    bool IsLeader,
    string UnitId,
    string GroupId);
