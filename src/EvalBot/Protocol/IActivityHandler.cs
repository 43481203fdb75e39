using System.Text.Json.Nodes;

namespace EvalBot.Protocol;

/// <summary>
/// What <c>POST /api/messages</c> hands a well-formed, authenticated, routable activity to. Protocol owns this seam and
/// knows nothing above it; the turn machinery implements it.
/// </summary>
public interface IActivityHandler
{
    Task<ActivityOutcome> HandleAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>The HTTP answer to an activity: a status and, for invokes, the JSON body Teams expects.</summary>
public sealed record ActivityOutcome(int Status, JsonObject? Body = null)
{
    public static ActivityOutcome Ok { get; } = new(StatusCodes.Status200OK);

    /// <summary>Refused before anything was stored: the activity is not one EvalBot can act on as sent.</summary>
    public static ActivityOutcome BadRequest { get; } = new(StatusCodes.Status400BadRequest);

    /// <summary>Refused before anything was stored (another tenant, someone else's personal chat).</summary>
    public static ActivityOutcome Forbidden { get; } = new(StatusCodes.Status403Forbidden);

    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>The invoke response that replaces the card acted on.</summary>
    public static ActivityOutcome InvokeCard(JsonObject card) =>
        new(StatusCodes.Status200OK, new JsonObject { ["statusCode"] = 200, ["type"] = CardType, ["value"] = card.DeepClone() });

    /// <summary>The invoke response that shows a short banner.</summary>
    public static ActivityOutcome InvokeMessage(string text) =>
        new(StatusCodes.Status200OK, new JsonObject { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = text });

    /// <summary>The invoke response for an error (HTTP 200, the status inside the body, as Teams expects).</summary>
    public static ActivityOutcome InvokeError(int statusCode, string code, string message) =>
        new(StatusCodes.Status200OK, new JsonObject
        {
            ["statusCode"] = statusCode,
            ["type"] = ErrorType,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });
}
