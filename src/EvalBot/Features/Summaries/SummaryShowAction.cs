using System.Globalization;
using EvalBot.Conversation;
using EvalBot.Protocol;

namespace EvalBot.Features.Summaries;

/// <summary>
/// <c>summary.show</c> with <c>{personId, kind}</c>: the choice card's buttons. The person id in the data is only a
/// pointer; the sender's right to see that person is checked again here.
/// </summary>
public sealed class SummaryShowAction(SummaryResponder responder) : ICardActionHandler, IAnswersFromReads
{
    public IReadOnlyList<string> Verbs { get; } = ["summary.show"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var id = long.TryParse(JsonRead.Text(action.Data, "personId"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
        var kind = JsonRead.Text(action.Data, "kind") == SummaryResponder.DossierKind ? SummaryResponder.DossierKind : SummaryResponder.SummaryKind;
        var (card, text) = await responder.AnswerAsync(turn, kind, "", id, cancellationToken);
        return card is not null ? InvokeResponse.Card(card) : InvokeResponse.Message(text ?? "");
    }
}
