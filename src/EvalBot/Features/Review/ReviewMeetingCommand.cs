using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;

namespace EvalBot.Features.Review;

/// <summary>
/// <c>họp đánh giá [năm]</c> / <c>review meeting [year]</c>: the card of the comment meeting of the sender's unit (the unit
/// they head, else their own) for the organisation's current year unless another is named. The comments are about
/// people's evaluations: in a shared conversation the router answers privately.
/// </summary>
public sealed class ReviewMeetingCommand(ReviewMeetingCard card, CardTemplates templates, OrganisationClock clock) : ICommandHandler
{
    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("reviewmeeting", ["họp đánh giá", "review meeting"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var me = await turn.SenderAsync(cancellationToken);
        var language = turn.Language;
        var text = new TextTable(templates, language);
        if (me is null)
        {
            turn.Reply(TurnContext.TextMessage(text["sumNoPerson"]));
            return;
        }

        if (await card.UnitOfAsync(me, null, cancellationToken) is not { } unit)
        {
            turn.Reply(TurnContext.TextMessage(text["rmNoUnit"]));
            return;
        }

        var current = clock.Year(turn.Now);
        var year = int.TryParse(argument.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && clock.IsReviewYear(y, turn.Now) ? y : current;
        turn.Reply(TurnContext.CardMessage(await card.RenderAsync(me, unit, year, language, null, null, null, cancellationToken)));
    }
}
