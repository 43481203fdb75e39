using EvalBot.Conversation;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// <c>góp ý</c> / <c>feedback</c>: what the sender still has to answer, with buttons. <c>góp ý của tôi</c> /
/// <c>feedback mine</c> (optionally followed by a period or a year) shows the sender's own aggregated feedback.
/// </summary>
public sealed class FeedbackCommand(FeedbackListCard list, FeedbackSummaryCard summary, FeedbackForm form) : ICommandHandler
{
    private static readonly string[] Mine = ["của tôi", "cua toi", "mine", "my", "me"];

    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("feedback", ["góp ý", "feedback"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(argument);
        var person = await turn.SenderAsync(cancellationToken);
        var language = turn.Language;
        if (person is null)
        {
            turn.Reply(TurnContext.TextMessage(form.Text(language)["feedbackErrNoPerson"]));
            return;
        }

        var match = CommandText.Match(argument, Mine);
        if (match is { } mine)
        {
            var scope = mine.Argument.Trim().ToUpperInvariant();
            turn.Reply(TurnContext.CardMessage(await summary.RenderAsync(person, person, scope.Length == 0 ? null : scope, language, null, cancellationToken)));
            return;
        }

        turn.Reply(TurnContext.CardMessage(await list.RenderAsync(person, language, null, null, cancellationToken)));
    }
}
