using System.Text.Json.Nodes;
using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>
/// A press on a card button: from an <c>Action.Execute</c> invoke, or from an <c>Action.Submit</c> message carrying the
/// same data (with <c>verb</c> inside it). The data is untrusted: it identifies what to act on, never who acts.
/// </summary>
public sealed record CardAction(string Verb, JsonObject Data, bool ViaSubmit)
{
    /// <summary>Reads the action from an invoke's <c>value.action</c>, or null when it is not a well-formed Action.Execute.</summary>
    public static CardAction? FromInvoke(JsonNode? value)
    {
        var action = JsonRead.ObjectAt(value, "action");
        if (action is null || JsonRead.Text(action, "type") != "Action.Execute")
        {
            return null;
        }

        var verb = JsonRead.Text(action, "verb");
        if (string.IsNullOrWhiteSpace(verb))
        {
            return null;
        }

        var data = JsonRead.ObjectAt(action, "data")?.DeepClone().AsObject() ?? [];
        return new CardAction(verb, data, ViaSubmit: false);
    }

    /// <summary>Reads an Action.Submit message's <c>value</c> (data merged with inputs), which carries the verb as <c>verb</c>.</summary>
    public static CardAction? FromSubmit(JsonNode? value)
    {
        if (value is not JsonObject data || JsonRead.Text(data, "verb") is not { Length: > 0 } verb)
        {
            return null;
        }

        return new CardAction(verb, data.DeepClone().AsObject(), ViaSubmit: true);
    }
}
