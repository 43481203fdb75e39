using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>
/// The Party ratings past their deadline (rule 27; a special unit's is later) on the organisation board's card: how many,
/// and the longest overdue first, each with the step waiting and who holds it. Names and steps only.
/// </summary>
public sealed class PartyBoardAttention(EvalBotDbContext db, PartyDirectory directory, PartyReminders reminders, CardTemplates templates, OrganisationClock clock) : IBoardAttention
{
    public async Task<BoardAttention?> ForAsync(DateTimeOffset now, string language, int maxLines, CancellationToken cancellationToken)
    {
        var today = clock.Today(now);
        var pending = await db.PartyRatings.AsNoTracking()
            .Where(r => r.Step == PartyRatingStep.Open || r.Step == PartyRatingStep.SelfRated || r.Step == PartyRatingStep.Verified).ToListAsync(cancellationToken);
        if (pending.Count == 0) return null;
        // Deadlines come from the organisations alone; only the ratings shown are loaded with their subject and holder.
        var late = new List<(PartyRating Rating, DateOnly Deadline)>();
        foreach (var rating in pending)
        {
            if (await directory.DeadlineAsync(rating, cancellationToken) is var deadline && deadline < today) late.Add((rating, deadline));
        }

        if (late.Count == 0) return null;
        var shown = late.OrderBy(l => l.Deadline).ThenBy(l => l.Rating.Step).ThenBy(l => l.Rating.Id).Take(maxLines).Select(l => l.Rating).ToList();
        var overdue = (await reminders.PendingAsync(shown, cancellationToken))
            .OrderBy(p => p.Deadline).ThenBy(p => p.Step).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var holderIds = overdue.Where(p => p.Holder is not null).Select(p => p.Holder!.Value).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => holderIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var text = new TextTable(templates, language);
        string Step(PartyRatingStep step) => text[step switch { PartyRatingStep.Open => "partyRemindSelf", PartyRatingStep.SelfRated => "partyRemindVerify", _ => "partyRemindDecide" }];
        return new BoardAttention(text.Format("partyBoardOverdueTitle", late.Count), Urgent: true,
            [.. overdue.Select(p => text.Format("partyBoardOverdueLine", p.Name, Step(p.Step),
                p.Holder is { } h && names.TryGetValue(h, out var name) ? name : text["partyRemindBoard"], TextTable.Date(p.Deadline)))],
            late.Count - overdue.Count);
    }
}
