using System.Text.Json.Nodes;
using EvalBot.Cards;

namespace EvalBot.Features.Help;

/// <summary>
/// Renders the help card, optionally opened on one topic, or with a note that the text was not understood. The board's
/// commands (<see cref="CommandTopic.BoardOnly"/>) are listed, and open, for members of the organisation board only.
/// </summary>
public sealed class HelpCard(CardTemplates templates, IEnumerable<CommandTopic> topics)
{
    public JsonObject Render(string locale, string? topic = null, string? notUnderstood = null, bool board = false)
    {
        var data = new JsonObject { ["isBoard"] = board };
        if (topic is not null && topics.Any(t => t.Key == topic && (board || !t.BoardOnly)))
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
