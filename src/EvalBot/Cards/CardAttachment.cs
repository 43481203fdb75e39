using System.Text.Json.Nodes;

namespace EvalBot.Cards;

/// <summary>Wraps a rendered card as a Bot Framework attachment (protocol.md 1.7).</summary>
public static class CardAttachment
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Builds <c>{contentType, content}</c>; a card already placed in another document is copied.</summary>
    public static JsonObject From(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new JsonObject
        {
            ["contentType"] = ContentType,
            ["content"] = card.Parent is null ? card : card.DeepClone(),
        };
    }
}
