using EvalBot.Conversation;
using EvalBot.Protocol;

namespace EvalBot.Features.Help;

/// <summary><c>help.show</c>: the help card opened on the pressed topic.</summary>
public sealed class HelpShowAction(HelpCard card) : ICardActionHandler, ISafeInSharedConversations, IAnswersFromReads
{
    public IReadOnlyList<string> Verbs { get; } = ["help.show"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var topic = JsonRead.Text(action.Data, "topic");
        var board = (await turn.SenderAsync(cancellationToken))?.IsOrganisationBoard == true;
        return InvokeResponse.Card(card.Render(turn.Language, topic, board: board));
    }
}
