using EvalBot.Cards;
namespace EvalBot.Features.FollowUps;

/// <summary>The open follow-ups on the organisation board's card: how many, how many overdue, the nearest due first with their holder.</summary>
public sealed class FollowUpBoardAttention(FollowUpList list, CardTemplates templates, OrganisationClock clock) : IBoardAttention
{
    public async Task<BoardAttention?> ForAsync(DateTimeOffset now, string language, int maxLines, CancellationToken cancellationToken)
    {
        var open = await list.OpenAsync(null, cancellationToken);
        if (open.Count == 0) return null;
        var text = new TextTable(templates, language);
        var lines = await list.WordAsync([.. open.Take(maxLines)], language, now, cancellationToken);
        var today = clock.Today(now);
        var overdue = open.Count(t => t.DueOn < today);
        return new BoardAttention(text.Format("fuBoardTitle", open.Count, overdue), overdue > 0,
            [.. lines.Select(l => text.Format("fuBoardLine", l.Person, l.Unit, l.Kind, l.Due, l.Holder))], open.Count - lines.Count);
    }
}
