using EvalBot.Domain;

namespace EvalBot.Core;

/// <summary>
/// A Party member's rating of one year as a dossier or a unit summary shows it: the level (decided, or the latest step's),
/// whether it is decided, and whether it has started (self-rated at least).
/// </summary>
public sealed record PartyStanding(long PersonId, int Year, Level? Level, bool Decided, bool Started);

/// <summary>
/// The seam for the Party track: when it registers an implementation, the dossier shows each year's Party rating beside
/// the state one and the unit summary the Party round's progress (levels only, as they are published in the organisation: never points, comments or opinions).
/// </summary>
public interface IPartyStandings
{
    Task<IReadOnlyList<PartyStanding>> ForPersonAsync(long personId, int fromYear, int toYear, CancellationToken cancellationToken);

    /// <summary>The ratings of <paramref name="year"/> of those of <paramref name="personIds"/> who have one.</summary>
    Task<IReadOnlyList<PartyStanding>> ForPeopleAsync(IReadOnlyCollection<long> personIds, int year, CancellationToken cancellationToken);
}
