using System.Text.Json.Nodes;
using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>
/// Sends each activity to the feature that handles it: typed commands, card actions (Action.Execute invokes and
/// Action.Submit messages alike), files sent in personal chat, installs. Unknown activity types are ignored; unknown
/// text gets help.
/// </summary>
public sealed class TurnRouter(TurnHandlers handlers, IServiceProvider services, Cards.ErrorCards errors)
{
    /// <summary>Where the activity goes (<see cref="TurnRoute"/>), decided once for the whole turn.</summary>
    public TurnRoute Resolve(Activity activity) => TurnRoute.For(activity, handlers);

    /// <summary>Routes the turn along its route. Returns the invoke response for invokes, null for everything else.</summary>
    public async Task<InvokeResponse?> RouteAsync(TurnContext turn, TurnRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(route);
        switch (route.Kind)
        {
            case TurnRouteKind.CardAction:
                return await ActAsync(turn, route.Action!, cancellationToken);
            case TurnRouteKind.BadCardAction:
                var type = JsonRead.Text(JsonRead.ObjectAt(turn.Activity.Value, "action"), "type");
                return type is not null and not "Action.Execute"
                    ? InvokeResponse.Error(400, "NotSupported", errors.Text(turn.Language, "errorNotSupported"))
                    : InvokeResponse.Error(400, "BadRequest", errors.Text(turn.Language, "errorBadRequest"));
            case TurnRouteKind.FileConsent:
                return await FileConsentAsync(turn, cancellationToken);
            case TurnRouteKind.OtherInvoke:
                return InvokeResponse.NotImplemented;
            case TurnRouteKind.Install:
                foreach (var install in handlers.Installs)
                {
                    await install.For(services).OnInstalledAsync(turn, cancellationToken);
                }

                return null;
            case TurnRouteKind.Ignored:
                return null;
            default:
                await MessageAsync(turn, route, cancellationToken);
                return null;
        }
    }

    /// <summary>
    /// A file consent card is only ever sent in a personal chat; an answer from a shared conversation is refused without
    /// touching any file.
    /// </summary>
    private async Task<InvokeResponse> FileConsentAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (handlers.FileConsent is not { } handler)
        {
            return InvokeResponse.NotImplemented;
        }

        return turn.IsShared || FileConsent.From(turn.Activity.Value) is not { } consent
            ? InvokeResponse.Error(400, "BadRequest", errors.Text(turn.Language, "errorBadRequest"))
            : await handler.For(services).HandleAsync(turn, consent, cancellationToken);
    }

    private async Task<InvokeResponse> ActAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        if (handlers.Action(action.Verb) is not { } known)
        {
            return InvokeResponse.Error(400, "UnknownVerb", errors.Text(turn.Language, "errorUnknownAction"));
        }

        var handler = known.For(services);
        if (!turn.IsShared || known.SafeInSharedConversations)
        {
            return await handler.HandleAsync(turn, action, cancellationToken);
        }

        // A card action from a card that sits in a team channel or group chat: it is carried out for the actor (identity
        // from the activity, as always), and whatever it answers goes to their personal chat; the shared conversation
        // only learns that an answer was sent privately.
        if (!BeginPrivate(turn))
        {
            return InvokeResponse.Message(errors.Text(turn.Language, "sharedCannotReach"));
        }

        var response = await handler.HandleAsync(turn, action, cancellationToken);
        ApplyToConversation(turn, response, update: false);
        return InvokeResponse.Message(errors.Text(turn.Language, "sharedSentPrivately"));
    }

    /// <summary>
    /// Makes the turn answer in the requester's personal chat. False when the activity does not say who they are well
    /// enough to reach them (no Entra id, tenant or bot account): the caller then answers without any data.
    /// </summary>
    private static bool BeginPrivate(TurnContext turn)
    {
        if (turn.PrivateRecipient is null)
        {
            return false;
        }

        turn.SendsPrivately = true;
        return true;
    }

    private async Task MessageAsync(TurnContext turn, TurnRoute route, CancellationToken cancellationToken)
    {
        switch (route)
        {
            case { Kind: TurnRouteKind.Attachments }:
                await AttachmentsAsync(turn, cancellationToken);
                return;
            case { Kind: TurnRouteKind.Submit, Action: { } submit }:
                // An Action.Submit has the same effect as the Action.Execute with that verb; the answer updates the card.
                if (turn.IsShared && handlers.Action(submit.Verb) is { SafeInSharedConversations: false } submitted)
                {
                    await PrivatelyAsync(turn, async () => ApplyToConversation(turn, await submitted.For(services).HandleAsync(turn, submit, cancellationToken), update: false));
                    return;
                }

                ApplyToConversation(turn, await ActAsync(turn, submit, cancellationToken), update: true);
                return;
            case { Kind: TurnRouteKind.Command, Keyword: { } keyword }:
                var known = handlers.Command(keyword);
                var handler = known.For(services);
                if (turn.IsShared && !known.SafeInSharedConversations)
                {
                    await PrivatelyAsync(turn, () => handler.HandleAsync(turn, route.Text, cancellationToken));
                    return;
                }

                await handler.HandleAsync(turn, route.Text, cancellationToken);
                return;
            default:
                await handlers.Fallback.For(services).OnUnknownTextAsync(turn, route.Text, cancellationToken);
                return;
        }
    }

    /// <summary>
    /// Gives each attachment of the message that some handler takes (a file) to that handler, before any command. In a
    /// team channel or group chat nothing is handed over, so nothing is fetched: one neutral line says files are taken
    /// in personal chat only.
    /// </summary>
    private async Task AttachmentsAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.IsShared)
        {
            turn.Reply(TurnContext.TextMessage(errors.Text(turn.Language, "filesPersonalChatOnly")));
            return;
        }

        foreach (var attachment in turn.Activity.Attachments ?? [])
        {
            if (attachment.ContentType is { } type && handlers.Attachment(type) is { } handler)
            {
                await handler.For(services).HandleAsync(turn, attachment, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs a command asked in a team channel or group chat with every reply going to the requester's personal chat,
    /// then leaves a neutral line where it was asked: that the answer was sent privately, or that it could not be.
    /// </summary>
    private async Task PrivatelyAsync(TurnContext turn, Func<Task> handle)
    {
        if (!BeginPrivate(turn))
        {
            turn.ReplyHere(TurnContext.TextMessage(errors.Text(turn.Language, "sharedCannotReach")), "shared");
            return;
        }

        await handle();
        if (turn.PrivateReplies > 0)
        {
            turn.ReplyHere(TurnContext.TextMessage(errors.Text(turn.Language, "sharedSentPrivately")), "shared");
        }
    }

    private static void ApplyToConversation(TurnContext turn, InvokeResponse response, bool update)
    {
        switch (response)
        {
            case { Kind: InvokeKind.Card, Content: { } card }:
                var message = TurnContext.CardMessage(card.DeepClone().AsObject());
                if (update && turn.Activity.ReplyToId is { Length: > 0 } cardMessageId)
                {
                    turn.UpdateMessage(cardMessageId, message);
                }
                else
                {
                    turn.Reply(message);
                }

                break;
            case { Kind: InvokeKind.Message or InvokeKind.Error, Text: { } text }:
                turn.Reply(TurnContext.TextMessage(text));
                break;
        }
    }
}
