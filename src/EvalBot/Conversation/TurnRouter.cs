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
    /// <summary>Whether the activity is a card action whose handler keeps no record of its answer (<see cref="IKeepsNoAnswerRecord"/>).</summary>
    public bool KeepsNoAnswerRecord(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type == ActivityTypes.Invoke
            && CardAction.FromInvoke(activity.Value) is { } action
            && handlers.Action(action.Verb) is { KeepsNoAnswerRecord: true };
    }

    /// <summary>
    /// Whether the activity goes to a handler that only reads and answers (<see cref="IAnswersFromReads"/>): a typed
    /// command, unknown text, or a card action whose handler says so; never a message with a file some handler takes.
    /// </summary>
    public bool AnswersFromReads(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Invoke)
        {
            return activity.Name == ActivityTypes.AdaptiveCardAction && CardAction.FromInvoke(activity.Value) is { } action
                && handlers.Action(action.Verb) is { AnswersFromReads: true };
        }

        if (activity.Type != ActivityTypes.Message || (activity.Attachments ?? []).Any(a => a.ContentType is { } type && handlers.Attachment(type) is not null))
        {
            return false;
        }

        if (CardAction.FromSubmit(activity.Value) is { } submit)
        {
            return handlers.Action(submit.Verb) is { AnswersFromReads: true };
        }

        var text = CommandText.Clean(activity.Text);
        return text.Length > 0 && CommandText.Match(text, handlers.Keywords) is { } match
            ? handlers.Command(match.Keyword).AnswersFromReads
            : handlers.Fallback.AnswersFromReads;
    }

    /// <summary>Routes the turn. Returns the invoke response for invokes, null for everything else.</summary>
    public async Task<InvokeResponse?> RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction:
                return await InvokeAsync(turn, cancellationToken);
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.FileConsent:
                return await FileConsentAsync(turn, cancellationToken);
            case ActivityTypes.Invoke:
                return InvokeResponse.NotImplemented;
            case ActivityTypes.Message:
                await MessageAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.InstallationUpdate when activity.Action is "add":
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true:
                foreach (var install in handlers.Installs)
                {
                    await install.For(services).OnInstalledAsync(turn, cancellationToken);
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
                ? InvokeResponse.Error(400, "NotSupported", errors.Text(turn.Language, "errorNotSupported"))
                : InvokeResponse.Error(400, "BadRequest", errors.Text(turn.Language, "errorBadRequest"));
        }

        return await ActAsync(turn, action, cancellationToken);
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

    private async Task MessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await AttachmentAsync(turn, cancellationToken))
        {
            return;
        }

        if (CardAction.FromSubmit(turn.Activity.Value) is { } submit)
        {
            // An Action.Submit has the same effect as the Action.Execute with that verb; the answer updates the card.
            if (turn.IsShared && handlers.Action(submit.Verb) is { SafeInSharedConversations: false } submitted)
            {
                await PrivatelyAsync(turn, async () => ApplyToConversation(turn, await submitted.For(services).HandleAsync(turn, submit, cancellationToken), update: false));
                return;
            }

            var response = await ActAsync(turn, submit, cancellationToken);
            ApplyToConversation(turn, response, update: true);
            return;
        }

        var text = CommandText.Clean(turn.Activity.Text);
        if (text.Length > 0 && CommandText.Match(text, handlers.Keywords) is { } match)
        {
            var known = handlers.Command(match.Keyword);
            var handler = known.For(services);
            if (turn.IsShared && !known.SafeInSharedConversations)
            {
                await PrivatelyAsync(turn, () => handler.HandleAsync(turn, match.Argument, cancellationToken));
                return;
            }

            await handler.HandleAsync(turn, match.Argument, cancellationToken);
            return;
        }

        await handlers.Fallback.For(services).OnUnknownTextAsync(turn, text, cancellationToken);
    }

    /// <summary>
    /// Gives each attachment of a message that some handler takes (a file) to that handler, before any command. In a
    /// team channel or group chat nothing is handed over, so nothing is fetched: one neutral line says files are taken
    /// in personal chat only. False when the message has no such attachment.
    /// </summary>
    private async Task<bool> AttachmentAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var handled = (turn.Activity.Attachments ?? [])
            .Select(a => (Attachment: a, Handler: a.ContentType is { } type ? handlers.Attachment(type) : null))
            .Where(x => x.Handler is not null)
            .ToList();
        if (handled.Count == 0)
        {
            return false;
        }

        if (turn.IsShared)
        {
            turn.Reply(TurnContext.TextMessage(errors.Text(turn.Language, "filesPersonalChatOnly")));
            return true;
        }

        foreach (var (attachment, handler) in handled)
        {
            await handler!.For(services).HandleAsync(turn, attachment, cancellationToken);
        }

        return true;
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
