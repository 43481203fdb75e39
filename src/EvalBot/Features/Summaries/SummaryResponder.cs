using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Auditing;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Summaries;

/// <summary>
/// Answers a person summary or dossier request: the card when the viewer may see the person, a choice card when several
/// match, a polite refusal otherwise (never an error). Every request is audited with actor, subject and command.
/// </summary>
public sealed class SummaryResponder(SummaryPeople people, SummaryAccess access, PersonSummaryCard summary, DossierCard dossier, CardTemplates templates, AuditLog audit)
{
    public const string SummaryKind = "summary";
    public const string DossierKind = "dossier";

    public async Task<(JsonObject? Card, string? Text)> AnswerAsync(TurnContext turn, string kind, string argument, long? personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var me = await turn.SenderAsync(ct);
        var language = turn.Language;
        var text = new TextTable(templates, language);
        if (me is null) return (null, text["sumNoPerson"]);
        var actor = me.AadObjectId ?? me.ExternalId;
        Resolution resolution;
        if (personId is { } id)
        {
            var subject = (await access.VisiblePeopleAsync(me, ct)).FirstOrDefault(p => p.Id == id);
            resolution = subject is null ? new Resolution(ResolutionKind.NotAllowed, []) : new Resolution(ResolutionKind.Found, [subject]);
        }
        else
        {
            resolution = await people.ResolveAsync(turn, me, argument, ct);
        }

        audit.Record(actor, "summary." + kind, "person", resolution.Kind == ResolutionKind.Found ? resolution.People[0].ExternalId : "-",
            new { command = kind, outcome = resolution.Kind.ToString(), matches = resolution.People.Count });
        return resolution.Kind switch
        {
            ResolutionKind.Found when kind == DossierKind => (await dossier.RenderAsync(resolution.People[0], me, language, turn.Now, ct), null),
            ResolutionKind.Found => (await summary.RenderAsync(resolution.People[0], me, language, turn.Now, ct), null),
            ResolutionKind.Several => (await ChooseAsync(turn, resolution.People, kind, argument, language, ct), null),
            ResolutionKind.NotAllowed => (null, text["sumNotAllowed"]),
            _ => (null, text.Format("sumNotFound", CardText.Plain(argument))),
        };
    }

    /// <summary>The people who match, each with their unit: what tells two namesakes apart for the reader (not an email).</summary>
    private async Task<JsonObject> ChooseAsync(TurnContext turn, IReadOnlyList<Person> matches, string kind, string argument, string language, CancellationToken ct)
    {
        var shown = matches.Take(10).ToList();
        var unitIds = shown.Select(p => p.UnitId).Distinct().ToList();
        var units = await turn.Db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return templates.Render("summary-choose", new JsonObject
        {
            ["query"] = CardText.Plain(argument),
            ["kind"] = kind,
            ["people"] = new JsonArray([.. shown.Select(p => (JsonNode)new JsonObject
            {
                ["personId"] = p.Id.ToString(CultureInfo.InvariantCulture),
                ["name"] = CardText.Plain(p.FullName),
                ["unit"] = CardText.Plain(units.GetValueOrDefault(p.UnitId) ?? ""),
            })]),
        }, language);
    }
}
