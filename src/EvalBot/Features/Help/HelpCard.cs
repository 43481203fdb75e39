using System.Text.Json.Nodes;
using EvalBot.Cards;

namespace EvalBot.Features.Help;

/// <summary>Renders the help card, optionally opened on one topic, or with a note that the text was not understood.</summary>
public sealed class HelpCard(CardTemplates templates, IEnumerable<CommandTopic> topics)
{
    public JsonObject Render(string locale, string? topic = null, string? notUnderstood = null)
    {
        var data = new JsonObject();
        if (topic is not null && topics.Any(t => t.Key == topic))
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
