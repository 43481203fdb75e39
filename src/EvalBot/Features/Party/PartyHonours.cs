using EvalBot.Domain;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Party;

/// <summary>
/// The commendation flags of decided Party-member ratings (rule 41): from each member's decided levels across the years
/// EvalBot holds, the certificate of merit for an HTXS year and a higher award after
/// <see cref="PartyOptions.HigherAwardConsecutiveYears"/> consecutive HTXS years. Flags, never awards: the emulation
/// council proposes.
/// </summary>
public sealed class PartyHonours(EvalBotDbContext db, IOptions<PartyOptions> options)
{
    /// <summary>The flags of each decided member rating of <paramref name="year"/> among <paramref name="personIds"/>.</summary>
    public async Task<Dictionary<long, IReadOnlyList<PartyCommendationFlag>>> FlagsAsync(int year, IReadOnlyCollection<long> personIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var run = options.Value.HigherAwardConsecutiveYears;
        var ids = personIds.ToList();
        var levels = await db.PartyRatings.AsNoTracking()
            .Where(r => r.PersonId != null && ids.Contains(r.PersonId.Value) && r.Step == PartyRatingStep.Decided && r.Level != null && r.Year <= year && r.Year > year - run)
            .Select(r => new { Person = r.PersonId!.Value, r.Year, Level = r.Level!.Value })
            .ToListAsync(ct);
        return levels.GroupBy(l => l.Person).ToDictionary(
            g => g.Key,
            g => PartyCommendations.Flags(year, g.GroupBy(l => l.Year).ToDictionary(y => y.Key, y => (Level)y.First().Level), run));
    }

    /// <summary>The flags of one rating: none unless it is a member's decided rating.</summary>
    public async Task<IReadOnlyList<PartyCommendationFlag>> FlagsAsync(PartyRating rating, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rating);
        if (rating.Step != PartyRatingStep.Decided || rating.PersonId is not { } person) return [];
        return (await FlagsAsync(rating.Year, [person], ct)).GetValueOrDefault(person) ?? [];
    }
}
