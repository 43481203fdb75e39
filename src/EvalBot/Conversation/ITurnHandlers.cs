namespace EvalBot.Conversation;

/// <summary>A typed command such as <c>trợ giúp</c> / <c>help</c>. Keywords are matched by <see cref="CommandText"/>.</summary>
public interface ICommandHandler
{
    IReadOnlyList<string> Keywords { get; }

    Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken);
}

/// <summary>Handles the card actions whose verb it lists (stable verbs are in PRODUCT.md).</summary>
public interface ICardActionHandler
{
    IReadOnlyList<string> Verbs { get; }

    Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken);
}

/// <summary>
/// Handles an attachment of <see cref="ContentType"/> (a file sent to the bot in personal chat): a message carrying one
/// reaches it before any command, once per such attachment. In a team channel or group chat the router answers on its own that files are
/// taken in personal chat only, and the handler is never called: nothing is fetched there.
/// </summary>
public interface IAttachmentHandler
{
    string ContentType { get; }

    Task HandleAsync(TurnContext turn, Protocol.Attachment attachment, CancellationToken cancellationToken);
}

/// <summary>Reacts to the bot being installed for a user or in a conversation.</summary>
public interface IInstallHandler
{
    Task OnInstalledAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>What the router falls back to: text nobody understood, gets help, never silence.</summary>
public interface IFallbackHandler
{
    Task OnUnknownTextAsync(TurnContext turn, string text, CancellationToken cancellationToken);
}

/// <summary>
/// Marks a command or card action whose answer holds nothing about anyone's evaluation (the help card): in a team
/// channel or group chat it is answered where it was asked. Every other handler's answer goes to the requester's
/// personal chat there, with a neutral line in the shared conversation (PRODUCT.md, stable interface 7).
/// </summary>
public interface ISafeInSharedConversations;

/// <summary>
/// Marks a card action whose answer is never kept in the redelivery record (peer feedback: the stored card would tie a
/// reviewer's conversation and a time to what they said about whom). A redelivered action gets a plain acknowledgement.
/// </summary>
public interface IKeepsNoAnswerRecord;

/// <summary>
/// Marks a command or card action that only reads and answers: what it adds (its replies, an audit entry) never depends
/// on reading rows another turn may be changing. Its turn reads, routes and renders before taking SQLite's writer and
/// holds it only to commit, so a long read (a unit's summary) never keeps other people's turns waiting.
/// </summary>
public interface IAnswersFromReads;

/// <summary>
/// Answers a file consent card the bot sent in a personal chat (accept: upload the file; decline: say so). The context is
/// untrusted: the handler re-checks the sender. Registered by the feature that sends such cards; without one, the invoke
/// gets 501.
/// </summary>
public interface IFileConsentHandler
{
    Task<InvokeResponse> HandleAsync(TurnContext turn, FileConsent consent, CancellationToken cancellationToken);
}
