using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>The Party track's side of <see cref="IPartyStandings"/>: each year's current rating of a member, its level and whether it is decided.</summary>
public sealed class PartyStandings(EvalBotDbContext db) : IPartyStandings
{
    public async Task<IReadOnlyList<PartyStanding>> ForPersonAsync(long personId, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var ratings = await db.PartyRatings.AsNoTracking()
            .Where(r => r.PersonId == personId && r.Year >= fromYear && r.Year <= toYear && r.Step != PartyRatingStep.Superseded)
            .ToListAsync(cancellationToken);
        return [.. ratings.GroupBy(r => r.Year).Select(g => g.OrderByDescending(r => r.Version).First())
            .OrderBy(r => r.Year)
            .Select(r => new PartyStanding(r.Year, (r.Level ?? r.ProposedLevel ?? r.SelfLevel) is { } l ? (Level)l : null, r.Step == PartyRatingStep.Decided))];
    }
}
