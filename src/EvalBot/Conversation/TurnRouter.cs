using System.Text.Json.Nodes;
using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>
/// Sends each activity to the feature that handles it: typed commands, card actions (Action.Execute invokes and
/// Action.Submit messages alike), installs. Unknown activity types are ignored; unknown text gets help.
/// </summary>
public sealed class TurnRouter(
    IEnumerable<ICommandHandler> commands,
    IEnumerable<ICardActionHandler> actions,
    IEnumerable<IInstallHandler> installs,
    IFallbackHandler fallback,
    Features.Errors.ErrorCards errors)
{
    private readonly IReadOnlyList<ICommandHandler> _commands = commands.ToList();
    private readonly Dictionary<string, ICardActionHandler> _actions = actions
        .SelectMany(h => h.Verbs.Select(v => (Verb: v, Handler: h)))
        .ToDictionary(x => x.Verb, x => x.Handler, StringComparer.Ordinal);

    /// <summary>Routes the turn. Returns the invoke response for invokes, null for everything else.</summary>
    public async Task<InvokeResponse?> RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction:
                return await InvokeAsync(turn, cancellationToken);
            case ActivityTypes.Invoke:
                return InvokeResponse.NotImplemented;
            case ActivityTypes.Message:
                await MessageAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.InstallationUpdate when activity.Action is "add":
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true:
                foreach (var install in installs)
                {
                    await install.OnInstalledAsync(turn, cancellationToken);
                }

                return null;
            default:
                return null;
        }
    }

    private async Task<InvokeResponse> InvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = CardAction.FromInvoke(turn.Activity.Value);
        if (action is null)
        {
            var type = JsonRead.Text(JsonRead.ObjectAt(turn.Activity.Value, "action"), "type");
            return type is not null and not "Action.Execute"
                ? InvokeResponse.Error(400, "NotSupported", errors.Text(turn.Locale, "errorNotSupported"))
                : InvokeResponse.Error(400, "BadRequest", errors.Text(turn.Locale, "errorBadRequest"));
        }

        return await ActAsync(turn, action, cancellationToken);
    }

    private async Task<InvokeResponse> ActAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        _actions.TryGetValue(action.Verb, out var handler)
            ? await handler.HandleAsync(turn, action, cancellationToken)
            : InvokeResponse.Error(400, "UnknownVerb", errors.Text(turn.Locale, "errorUnknownAction"));

    private async Task MessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (CardAction.FromSubmit(turn.Activity.Value) is { } submit)
        {
            // An Action.Submit has the same effect as the Action.Execute with that verb; the answer updates the card.
            var response = await ActAsync(turn, submit, cancellationToken);
            ApplyToConversation(turn, response);
            return;
        }

        var text = CommandText.Clean(turn.Activity.Text);
        var keywords = _commands.SelectMany(c => c.Keywords);
        if (text.Length > 0 && CommandText.Match(text, keywords) is { } match)
        {
            var handler = _commands.First(c => c.Keywords.Contains(match.Keyword));
            await handler.HandleAsync(turn, match.Argument, cancellationToken);
            return;
        }

        await fallback.OnUnknownTextAsync(turn, text, cancellationToken);
    }

    private static void ApplyToConversation(TurnContext turn, InvokeResponse response)
    {
        var body = response.Body;
        switch (response.CardTypeOrNull)
        {
            case InvokeResponse.CardType when body is not null && body["value"] is JsonObject card:
                var message = TurnContext.CardMessage(card.DeepClone().AsObject());
                if (turn.Activity.ReplyToId is { Length: > 0 } cardMessageId)
                {
                    turn.UpdateMessage(cardMessageId, message);
                }
                else
                {
                    turn.Reply(message);
                }

                break;
            case InvokeResponse.MessageType when JsonRead.Text(body, "value") is { } text:
                turn.Reply(TurnContext.TextMessage(text));
                break;
            case InvokeResponse.ErrorType when JsonRead.Text(JsonRead.ObjectAt(body, "value"), "message") is { } error:
                turn.Reply(TurnContext.TextMessage(error));
                break;
        }
    }
}
