using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>
/// <c>đảng viên ‹năm›</c> / <c>party ‹year›</c>: the sender's own Party rating of the year, the ratings of the collectives
/// they head, and every rating whose next step is theirs (to verify as the advisory body, to decide as the competent
/// level), each as its card; at most <see cref="MaxCards"/> cards, the rest counted. The member's own rating lists the
/// year's quarterly self-assessments (Form 05); with no rating yet, their Form 05 cards of the year are shown instead.
/// </summary>
public sealed class PartyCommand(PartyDirectory directory, PartyCard card, PartyQuarterCard quarterCard, CardTemplates templates, OrganisationClock clock) : ICommandHandler
{
    public const int MaxCards = 6;

    public static CommandTopic Topic { get; } = new("party", ["đảng viên", "party"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var me = await turn.SenderAsync(cancellationToken);
        var text = new TextTable(templates, turn.Language);
        if (me is null)
        {
            turn.Reply(TurnContext.TextMessage(text["sumNoPerson"]));
            return;
        }

        var year = int.TryParse(argument.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1999 and < 2101 ? y : clock.Year(turn.Now);
        var shown = 0;
        var waiting = 0;
        var ratings = await turn.Db.PartyRatings.Where(r => r.Year == year && r.Step != PartyRatingStep.Superseded)
            .OrderBy(r => r.CollectiveId == null).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var rating in ratings)
        {
            var subject = await directory.SubjectAsync(rating, cancellationToken);
            var role = await card.RoleAsync(me, subject, cancellationToken);
            var mine = subject.SelfRaterId == me.Id;
            if (role == PartyRole.View && !mine) continue;
            if (shown >= MaxCards)
            {
                waiting++;
                continue;
            }

            turn.Reply(TurnContext.CardMessage(await card.RenderAsync(subject, role, turn.Language, null, null, cancellationToken)));
            shown++;
        }

        if (waiting > 0) turn.Reply(TurnContext.TextMessage(text.Format("partyWaitingMore", waiting)));
        if (shown == 0)
        {
            var member = await turn.Db.PartyMemberships.AnyAsync(m => m.PersonId == me.Id, cancellationToken);
            // Before the year's round opens, a member's quarterly self-assessments (Form 05) are what there is to see.
            foreach (var quarter in await turn.Db.PartyQuarterRecords.AsNoTracking().Where(q => q.PersonId == me.Id && q.Year == year).OrderBy(q => q.Quarter).ToListAsync(cancellationToken))
            {
                turn.Reply(TurnContext.CardMessage(quarterCard.Render(quarter, me.FullName, turn.Language, null)));
            }

            turn.Reply(TurnContext.TextMessage(text.Format(member ? "partyNoRating" : "partyNotMember", year)));
        }
    }
}
