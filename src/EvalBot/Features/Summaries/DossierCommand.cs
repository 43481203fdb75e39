using EvalBot.Conversation;

namespace EvalBot.Features.Summaries;

/// <summary><c>hồ sơ &lt;người&gt;</c> / <c>dossier &lt;person&gt;</c>: three years of record for an appointment decision.</summary>
public sealed class DossierCommand(SummaryResponder responder) : ICommandHandler, IAnswersFromReads
{
    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("dossier", ["hồ sơ", "dossier"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (card, text) = await responder.AnswerAsync(turn, SummaryResponder.DossierKind, argument, null, cancellationToken);
        turn.Reply(card is not null ? TurnContext.CardMessage(card) : TurnContext.TextMessage(text ?? ""));
    }
}
