using System.Text.Json.Nodes;
using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>
/// The synchronous answer to an <c>adaptiveCard/action</c> invoke: HTTP status plus the body Teams expects
/// (<c>{statusCode, type, value}</c>).
/// </summary>
public sealed record InvokeResponse(int HttpStatus, JsonObject? Body)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replaces the card the user acted on.</summary>
    public static InvokeResponse Card(JsonObject card) =>
        new(200, new JsonObject { ["statusCode"] = 200, ["type"] = CardType, ["value"] = card });

    /// <summary>A short banner, the card stays as it is.</summary>
    public static InvokeResponse Message(string text) =>
        new(200, new JsonObject { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = text });

    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new(200, new JsonObject
        {
            ["statusCode"] = statusCode,
            ["type"] = ErrorType,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    /// <summary>An invoke name EvalBot does not handle: 501 with no body, as Bot Framework bots answer.</summary>
    public static InvokeResponse NotImplemented { get; } = new(501, null);

    public string? CardTypeOrNull => JsonRead.Text(Body, "type");
}
