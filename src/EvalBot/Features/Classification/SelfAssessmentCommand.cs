using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;

namespace EvalBot.Features.Classification;

/// <summary>
/// <c>tự đánh giá [năm]</c> / <c>self-assessment [year]</c>: the sender's own annual self-assessment card (rule 23), for the
/// organisation's current year unless another is named. Not safe in shared conversations: the router answers privately.
/// </summary>
public sealed class SelfAssessmentCommand(SelfAssessmentCard card, CardTemplates templates, OrganisationClock clock) : ICommandHandler
{
    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("selfassessment", ["tự đánh giá", "self-assessment"]);

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

        var current = clock.Year(turn.Now);
        var year = int.TryParse(argument.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && clock.IsReviewYear(y, turn.Now) ? y : current;
        turn.Reply(TurnContext.CardMessage(await card.RenderAsync(me, year, language, null, null, null, cancellationToken)));
    }
}
