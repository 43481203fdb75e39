using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Review;

/// <summary>
/// <c>ý kiến đánh giá ‹người› [năm]</c> / <c>review opinions ‹person› [year]</c>: for the organisation board (the personnel
/// advisory unit), the review-opinions card of the person named (name, staff id or email), for the organisation's current
/// year unless a year ends the argument. Anyone else is refused; in a shared conversation the router answers privately.
/// </summary>
public sealed class ReviewOpinionsCommand(ReviewOpinionsCard card, CardTemplates templates, OrganisationClock clock) : ICommandHandler
{
    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("reviewopinions", ["ý kiến đánh giá", "review opinions"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var me = await turn.SenderAsync(cancellationToken);
        var text = new TextTable(templates, turn.Language);
        if (me is null || !me.IsOrganisationBoard)
        {
            turn.Reply(TurnContext.TextMessage(text[me is null ? "sumNoPerson" : "roNotBoard"]));
            return;
        }

        var (who, year) = Split(argument ?? "", clock, turn.Now);
        if (year is null)
        {
            turn.Reply(TurnContext.TextMessage(text["roBadYear"]));
            return;
        }

        var (person, refusal) = await FindAsync(turn, who, text, cancellationToken);
        var row = person is null ? null : await card.RowAsync(person.Id, year.Value, cancellationToken);
        if (person is not null && row is null) refusal = text.Format("roNotCompiled", year.Value, CardText.Plain(person.FullName));
        turn.Reply(refusal is not null || person is null || row is null
            ? TurnContext.TextMessage(refusal ?? text["roAskWho"])
            : TurnContext.CardMessage(await card.RenderAsync(person, row, turn.Language, turn.Now, null, null, null, cancellationToken)));
    }

    /// <summary>The person part and the year of the argument: a last word of four digits is the year (this year or the two before; null otherwise).</summary>
    internal static (string Who, int? Year) Split(string argument, OrganisationClock clock, DateTimeOffset now)
    {
        var words = argument.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && words[^1].Length == 4 && int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return (string.Join(' ', words[..^1]), clock.IsReviewYear(year, now) ? year : null);
        }

        return (string.Join(' ', words), clock.Year(now));
    }

    private static async Task<(Person? Person, string? Refusal)> FindAsync(TurnContext turn, string who, TextTable text, CancellationToken ct)
    {
        if (who.Length == 0) return (null, text["roAskWho"]);
        var active = await turn.Db.People.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct);
        var matches = SummaryPeople.Match(active, who);
        return matches.Count switch
        {
            0 => (null, text.Format("roNotFound", CardText.Plain(who))),
            1 => (matches[0], null),
            _ => (null, text.Format("roSeveral", string.Join(", ", matches.OrderBy(p => p.FullName, StringComparer.Ordinal).Take(10)
                .Select(p => $"{CardText.Plain(p.FullName)} ({CardText.Plain(p.ExternalId)})")))),
        };
    }
}
