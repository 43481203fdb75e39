using EvalBot.Conversation;

namespace EvalBot.Features.Help;

/// <summary>
/// <c>trợ giúp</c> / <c>help</c> shows the command list. It knows the commands from the topics the features register
/// (<see cref="CommandTopic"/>): a topic's keyword that no command handler took (a feature registered its topic but
/// not its command in this deployment) lands here, opened on that topic, so the user learns what the command does
/// instead of meeting silence.
/// </summary>
public sealed class HelpCommand(HelpCard card, IEnumerable<CommandTopic> topics) : ICommandHandler, IFallbackHandler, ISafeInSharedConversations, IAnswersFromReads
{
    /// <summary>The help command itself.</summary>
    public static CommandTopic Topic { get; } = new("help", ["trợ giúp", "help", "hướng dẫn", "menu"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var topic = TopicOf(argument);
        var board = (await turn.SenderAsync(cancellationToken))?.IsOrganisationBoard == true;
        turn.Reply(card.Message(turn.Language, topic, board: board));
    }

    public async Task OnUnknownTextAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        // The router only falls back when no enabled command matched: a known keyword here is a command whose
        // feature is not enabled, so explain it; anything else was not understood.
        var topic = TopicOf(text);
        var board = (await turn.SenderAsync(cancellationToken))?.IsOrganisationBoard == true;
        turn.Reply(card.Message(turn.Language, topic, topic is null ? text : null, board));
    }

    /// <summary>The topic whose keyword the text starts with, if any ("help báo cáo" opens the check-in topic).</summary>
    private string? TopicOf(string text) =>
        CommandText.Match(text, topics.SelectMany(t => t.Keywords)) is { } match
            ? topics.First(t => t.Keywords.Contains(match.Keyword)).Key
            : null;
}
