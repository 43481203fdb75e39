using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Conversation;

namespace EvalBot.Features.Help;

/// <summary>
/// Renders the help card, optionally opened on one topic, or with a note that the text was not understood. The board's
/// commands (<see cref="CommandTopic.BoardOnly"/>) are listed, and open, for members of the organisation board only.
/// </summary>
public sealed class HelpCard(CardTemplates templates, IEnumerable<CommandTopic> topics)
{
    /// <summary>
    /// The cards that depend on nothing but the language, the topic and board membership (every one without a "not
    /// understood" note), rendered once each: a few dozen at most (two languages, the topics, board or not).
    /// </summary>
    private readonly ConcurrentDictionary<(string Locale, string? Topic, bool Board), JsonObject> _rendered = new();

    /// <summary>The same cards as messages, serialized once: the help turn's reply is stored and sent as it is.</summary>
    private readonly ConcurrentDictionary<(string Locale, string? Topic, bool Board), PreparedMessage> _messages = new();

    public JsonObject Render(string locale, string? topic = null, string? notUnderstood = null, bool board = false)
    {
        var shown = Shown(topic, board);
        if (!string.IsNullOrWhiteSpace(notUnderstood))
        {
            return RenderNow(locale, shown, notUnderstood, board);
        }

        // A copy: the caller puts the card into its message (a JSON node has one parent) and may change it.
        return Kept(locale, shown, board).DeepClone().AsObject();
    }

    /// <summary>The help card as a reply message, <see cref="Render"/>'s card in <see cref="TurnContext.CardMessage"/>.</summary>
    public PreparedMessage Message(string locale, string? topic = null, string? notUnderstood = null, bool board = false)
    {
        var shown = Shown(topic, board);
        return string.IsNullOrWhiteSpace(notUnderstood)
            ? _messages.GetOrAdd((locale, shown, board), key => PreparedMessage.From(TurnContext.CardMessage(Kept(key.Locale, key.Topic, key.Board).DeepClone().AsObject())))
            : PreparedMessage.From(TurnContext.CardMessage(RenderNow(locale, shown, notUnderstood, board)));
    }

    private string? Shown(string? topic, bool board) => topic is not null && topics.Any(t => t.Key == topic && (board || !t.BoardOnly)) ? topic : null;

    private JsonObject Kept(string locale, string? topic, bool board) =>
        _rendered.GetOrAdd((locale, topic, board), key => RenderNow(key.Locale, key.Topic, null, key.Board));

    private JsonObject RenderNow(string locale, string? topic, string? notUnderstood, bool board)
    {
        var data = new JsonObject { ["isBoard"] = board };
        if (topic is not null)
        {
            data["topic"] = topic;
        }

        if (!string.IsNullOrWhiteSpace(notUnderstood))
        {
            data["notUnderstood"] = CardText.Plain(notUnderstood.Length > 200 ? notUnderstood[..200] + "…" : notUnderstood);
        }

        return templates.Render("help", data, locale);
    }
}
