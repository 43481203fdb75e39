using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.FollowUps;

/// <summary>
/// The follow-ups card (<c>cards/follow-ups.json</c>) of one reader: the open follow-ups they hold (the board: every one),
/// the nearest due first, each the reader may close with the form to record the decision (<c>followup.close</c>); at most
/// <see cref="BoardOptions.MaxCases"/>, the rest counted. Sent in personal chat only.
/// </summary>
public sealed class FollowUpCard(FollowUpList list, CardTemplates templates, IOptions<BoardOptions> options)
{
    public async Task<JsonObject> RenderAsync(Person reader, string language, DateTimeOffset now, string? notice, string? error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var open = await list.OpenAsync(reader.IsOrganisationBoard ? null : reader.Id, ct);
        var mine = open.Where(t => t.PersonId != reader.Id).ToList();
        var shown = await list.WordAsync([.. mine.Take(options.Value.MaxCases)], language, now, ct);
        var text = new TextTable(templates, language);
        var data = new JsonObject
        {
            ["notice"] = notice ?? "",
            ["error"] = error ?? "",
            ["more"] = text.More(mine.Count - shown.Count),
            ["tasks"] = new JsonArray([.. shown.Select(l => (JsonNode)new JsonObject
            {
                ["id"] = l.Task.Id.ToString(CultureInfo.InvariantCulture),
                ["person"] = CardText.Plain(l.Unit.Length > 0 ? text.Format("fuPerson", l.Person, l.Unit) : l.Person),
                ["kind"] = CardText.Plain(l.Kind),
                ["grounds"] = CardText.Plain(l.Grounds),
                ["due"] = CardText.Plain(l.Due),
                ["overdue"] = l.Overdue,
                ["holder"] = CardText.Plain(l.Holder),
                ["canClose"] = FollowUpList.MayClose(reader, l.Task),
            })]),
        };
        return templates.Render("follow-ups", data, language);
    }
}
