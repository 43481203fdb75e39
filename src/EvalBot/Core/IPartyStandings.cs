using EvalBot.Domain;

namespace EvalBot.Core;

/// <summary>A Party member's rating of one year as a dossier shows it: the level (decided, or the latest step's) and whether it is decided.</summary>
public sealed record PartyStanding(int Year, Level? Level, bool Decided);

/// <summary>
/// The seam for the Party track: when it registers an implementation, the dossier shows each year's Party rating beside
/// the state one (levels only, as they are published in the organisation: never points, comments or opinions).
/// </summary>
public interface IPartyStandings
{
    Task<IReadOnlyList<PartyStanding>> ForPersonAsync(long personId, int fromYear, int toYear, CancellationToken cancellationToken);
}
