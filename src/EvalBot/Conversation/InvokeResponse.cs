using System.Text.Json.Nodes;

namespace EvalBot.Conversation;

/// <summary>What an invoke answers, typed: the card that replaces the one acted on, a short notice, or an error.</summary>
public enum InvokeKind
{
    /// <summary>Replaces the card the user acted on.</summary>
    Card,

    /// <summary>A short banner; the card stays as it is.</summary>
    Message,

    /// <summary>An error with a status code and a code.</summary>
    Error,

    /// <summary>An invoke name EvalBot does not handle (501, no body).</summary>
    NotImplemented,

    /// <summary>Done, nothing to show: 200 with no body (the answer to a file consent).</summary>
    Done,
}

/// <summary>
/// The typed answer of a card action. Handlers build it; the wire shape Teams expects (<c>{statusCode, type, value}</c>)
/// is written only at the Protocol edge (<see cref="Protocol.ActivityOutcome"/>).
/// </summary>
public sealed record InvokeResponse(InvokeKind Kind, JsonObject? Content = null, string? Text = null, int StatusCode = 200, string? Code = null)
{
    /// <summary>Replaces the card the user acted on.</summary>
    public static InvokeResponse Card(JsonObject card) => new(InvokeKind.Card, Content: card);

    /// <summary>A short banner, the card stays as it is.</summary>
    public static InvokeResponse Message(string text) => new(InvokeKind.Message, Text: text);

    public static InvokeResponse Error(int statusCode, string code, string message) => new(InvokeKind.Error, Text: message, StatusCode: statusCode, Code: code);

    /// <summary>An invoke name EvalBot does not handle: 501 with no body, as Bot Framework bots answer.</summary>
    public static InvokeResponse NotImplemented { get; } = new(InvokeKind.NotImplemented, StatusCode: 501);

    /// <summary>Done, nothing to show: 200 with no body, as Teams expects for a file consent.</summary>
    public static InvokeResponse Done { get; } = new(InvokeKind.Done);

    /// <summary>The HTTP answer at the Protocol edge.</summary>
    public Protocol.ActivityOutcome ToOutcome() => Kind switch
    {
        InvokeKind.Card => Protocol.ActivityOutcome.InvokeCard(Content ?? []),
        InvokeKind.Message => Protocol.ActivityOutcome.InvokeMessage(Text ?? ""),
        InvokeKind.Error => Protocol.ActivityOutcome.InvokeError(StatusCode, Code ?? "", Text ?? ""),
        _ => new Protocol.ActivityOutcome(StatusCode),
    };
}
