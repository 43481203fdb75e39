using EvalBot.Conversation;

namespace EvalBot.Features.Summaries;

/// <summary><c>tóm tắt &lt;người&gt;</c> / <c>summary &lt;person&gt;</c>: the person summary card (yourself when no one is named).</summary>
public sealed class SummaryCommand(SummaryResponder responder) : ICommandHandler, IAnswersFromReads
{
    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("summary", ["tóm tắt", "summary"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (card, text) = await responder.AnswerAsync(turn, SummaryResponder.SummaryKind, argument, null, cancellationToken);
        turn.Reply(card is not null ? TurnContext.CardMessage(card) : TurnContext.TextMessage(text ?? ""));
    }
}
