using EvalBot.Conversation;

namespace EvalBot.Features.Help;

/// <summary>
/// <c>trợ giúp</c> / <c>help</c> shows the command list. Commands whose feature is not enabled in this deployment
/// also land here, opened on their own topic, so the user learns what the command does instead of meeting silence.
/// </summary>
public sealed class HelpCommand(HelpCard card) : ICommandHandler, IFallbackHandler, ISafeInSharedConversations
{
    public IReadOnlyList<string> Keywords { get; } = CommandTopics.Keywords[CommandTopics.Help];

    public Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var topic = TopicOf(argument);
        turn.Reply(TurnContext.CardMessage(card.Render(turn.Locale, topic)));
        return Task.CompletedTask;
    }

    public Task OnUnknownTextAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        // The router only falls back when no enabled command matched: a known keyword here is a command whose
        // feature is not enabled, so explain it; anything else was not understood.
        var topic = TopicOf(text);
        turn.Reply(TurnContext.CardMessage(card.Render(turn.Locale, topic, topic is null ? text : null)));
        return Task.CompletedTask;
    }

    /// <summary>The topic whose keyword the text starts with, if any ("help báo cáo" opens the check-in topic).</summary>
    private static string? TopicOf(string text) =>
        CommandText.Match(text, CommandTopics.Keywords.Values.SelectMany(k => k)) is { } match
            ? CommandTopics.Keywords.First(kv => kv.Value.Contains(match.Keyword)).Key
            : null;
}
