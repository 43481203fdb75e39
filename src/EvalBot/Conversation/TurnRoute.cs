using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>What kind of work an activity is, as far as the router is concerned.</summary>
public enum TurnRouteKind
{
    /// <summary>An activity EvalBot does nothing with (typing, a reaction, a member leaving).</summary>
    Ignored,

    /// <summary>An Action.Execute invoke whose data names a verb (known or not).</summary>
    CardAction,

    /// <summary>An Action.Execute invoke whose data is not a card action.</summary>
    BadCardAction,

    /// <summary>The answer to a file consent card.</summary>
    FileConsent,

    /// <summary>Any other invoke.</summary>
    OtherInvoke,

    /// <summary>A message carrying a file some handler takes.</summary>
    Attachments,

    /// <summary>A message carrying an Action.Submit's data.</summary>
    Submit,

    /// <summary>A message whose text starts with a command keyword.</summary>
    Command,

    /// <summary>Any other message: empty or unknown text.</summary>
    UnknownText,

    /// <summary>The app added to a conversation.</summary>
    Install,
}

/// <summary>
/// Where an activity goes, decided once from the activity alone, before anything is read: the turn uses it to know
/// whether it may read before taking the writer and whether its answer is kept, and the router follows it.
/// </summary>
/// <param name="Kind">The kind of work.</param>
/// <param name="Action">The card action of a <see cref="TurnRouteKind.CardAction"/> or <see cref="TurnRouteKind.Submit"/>.</param>
/// <param name="Keyword">The command keyword of a <see cref="TurnRouteKind.Command"/>.</param>
/// <param name="Text">The command's argument, or the whole cleaned text of an <see cref="TurnRouteKind.UnknownText"/>.</param>
/// <param name="AnswersFromReads">The handler only reads and answers (<see cref="IAnswersFromReads"/>).</param>
/// <param name="KeepsNoAnswerRecord">An invoke whose handler keeps no record of its answer (<see cref="IKeepsNoAnswerRecord"/>).</param>
public sealed record TurnRoute(
    TurnRouteKind Kind,
    CardAction? Action = null,
    string? Keyword = null,
    string Text = "",
    bool AnswersFromReads = false,
    bool KeepsNoAnswerRecord = false)
{
    /// <summary>Decides the route of an activity with the handlers the app has.</summary>
    public static TurnRoute For(Activity activity, TurnHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(handlers);
        return activity.Type switch
        {
            ActivityTypes.Invoke => ForInvoke(activity, handlers),
            ActivityTypes.Message => ForMessage(activity, handlers),
            ActivityTypes.InstallationUpdate when activity.Action is "add" => new TurnRoute(TurnRouteKind.Install),
            ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true => new TurnRoute(TurnRouteKind.Install),
            _ => new TurnRoute(TurnRouteKind.Ignored),
        };
    }

    private static TurnRoute ForInvoke(Activity activity, TurnHandlers handlers)
    {
        if (activity.Name == ActivityTypes.FileConsent)
        {
            return new TurnRoute(TurnRouteKind.FileConsent);
        }

        if (activity.Name != ActivityTypes.AdaptiveCardAction)
        {
            return new TurnRoute(TurnRouteKind.OtherInvoke);
        }

        if (CardAction.FromInvoke(activity.Value) is not { } action)
        {
            return new TurnRoute(TurnRouteKind.BadCardAction);
        }

        var handler = handlers.Action(action.Verb);
        return new TurnRoute(TurnRouteKind.CardAction, action, AnswersFromReads: handler is { AnswersFromReads: true }, KeepsNoAnswerRecord: handler is { KeepsNoAnswerRecord: true });
    }

    private static TurnRoute ForMessage(Activity activity, TurnHandlers handlers)
    {
        if ((activity.Attachments ?? []).Any(a => a.ContentType is { } type && handlers.Attachment(type) is not null))
        {
            return new TurnRoute(TurnRouteKind.Attachments);
        }

        if (CardAction.FromSubmit(activity.Value) is { } submit)
        {
            return new TurnRoute(TurnRouteKind.Submit, submit, AnswersFromReads: handlers.Action(submit.Verb) is { AnswersFromReads: true });
        }

        var text = CommandText.Clean(activity.Text);
        return text.Length > 0 && CommandText.Match(text, handlers.Keywords) is { } match
            ? new TurnRoute(TurnRouteKind.Command, Keyword: match.Keyword, Text: match.Argument, AnswersFromReads: handlers.Command(match.Keyword).AnswersFromReads)
            : new TurnRoute(TurnRouteKind.UnknownText, Text: text, AnswersFromReads: handlers.Fallback.AnswersFromReads);
    }
}
