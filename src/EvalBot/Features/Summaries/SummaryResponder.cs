using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Auditing;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;

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
            ResolutionKind.Several => (Choose(resolution.People, kind, argument, language), null),
            ResolutionKind.NotAllowed => (null, text["sumNotAllowed"]),
            _ => (null, text.Format("sumNotFound", CardText.Plain(argument))),
        };
    }

    private JsonObject Choose(IReadOnlyList<Person> matches, string kind, string argument, string language) =>
        templates.Render("summary-choose", new JsonObject
        {
            ["query"] = CardText.Plain(argument),
            ["kind"] = kind,
            ["people"] = new JsonArray([.. matches.Take(10).Select(p => (JsonNode)new JsonObject
            {
                ["personId"] = p.Id.ToString(CultureInfo.InvariantCulture),
                ["name"] = CardText.Plain(p.FullName),
                ["email"] = CardText.Plain(p.Email ?? ""),
            })]),
        }, language);
}
