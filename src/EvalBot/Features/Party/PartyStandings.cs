using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>The Party track's side of <see cref="IPartyStandings"/>: each year's current rating of a member, its level and where it stands.</summary>
public sealed class PartyStandings(EvalBotDbContext db) : IPartyStandings
{
    public async Task<IReadOnlyList<PartyStanding>> ForPersonAsync(long personId, int fromYear, int toYear, CancellationToken cancellationToken) =>
        Current(await db.PartyRatings.AsNoTracking()
            .Where(r => r.PersonId == personId && r.Year >= fromYear && r.Year <= toYear && r.Step != PartyRatingStep.Superseded)
            .ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<PartyStanding>> ForPeopleAsync(IReadOnlyCollection<long> personIds, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var ids = personIds.ToList();
        return Current(await db.PartyRatings.AsNoTracking()
            .Where(r => r.PersonId != null && ids.Contains(r.PersonId.Value) && r.Year == year && r.Step != PartyRatingStep.Superseded)
            .ToListAsync(cancellationToken));
    }

    /// <summary>The latest version of each person's rating of each year.</summary>
    private static List<PartyStanding> Current(List<PartyRating> ratings) =>
        [.. ratings.GroupBy(r => (r.PersonId, r.Year)).Select(g => g.OrderByDescending(r => r.Version).First())
            .OrderBy(r => r.Year)
            .Select(r => new PartyStanding(r.PersonId!.Value, r.Year, (r.Level ?? r.ProposedLevel ?? r.SelfLevel) is { } l ? (Level)l : null,
                r.Step == PartyRatingStep.Decided, r.Step != PartyRatingStep.Open))];
}
