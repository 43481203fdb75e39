using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;

namespace EvalBot.Features.CheckIns;

/// <summary>
/// Renders the check-in card (<c>cards/checkin.json</c>) for a person and period: their products with what they
/// reported so far, the general criteria, open remediation items, and the provisional score. After a failed check the
/// typed values come back with the error next to each field.
/// </summary>
public sealed class CheckInForm(CardTemplates templates, CheckInRepository repository, CheckInViews views)
{
    public TextTable Text(string language) => new(templates, language);

    /// <summary>The card as stored for this person and period at <paramref name="now"/> (the campaign prompt and the <c>báo cáo</c> command).</summary>
    public async Task<JsonObject> RenderForAsync(Person person, string period, string language, string? notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var context = await repository.LoadAsync(person, period, cancellationToken);
        return Render(views.Of(context, now), language, notice);
    }

    /// <summary>
    /// The card of a turn's <paramref name="view"/>; after a failed check, with the <paramref name="typed"/> values and the
    /// <paramref name="validation"/> errors next to the fields, and no provisional score.
    /// </summary>
    public JsonObject Render(CheckInView view, string language, string? notice, CheckInValues? typed = null, CheckInValidation? validation = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var context = view.Context;
        var text = Text(language);
        var errors = validation?.Errors ?? new Dictionary<string, string>();
        var data = new JsonObject
        {
            ["period"] = context.Period,
            ["periodLabel"] = text.PeriodLabel(context.Period),
            ["personName"] = CardText.Plain(context.Person.FullName),
            ["unitName"] = CardText.Plain(context.Unit.Name),
            ["notice"] = notice ?? "",
            ["formError"] = validation?.FormError ?? (errors.Count > 0 ? text["checkinErrorsFound"] : ""),
            ["statusText"] = StatusText(context.Report, text),
            ["closes"] = context.Campaign is null ? "—" : TextTable.DateTime(context.Campaign.ClosesAt, context.Zone),
            ["ruleSet"] = text.RuleSetTitle(context.RuleSet),
            ["readOnly"] = !view.IsOpen,
            ["targets"] = new JsonArray([.. context.Targets.Select(t => (JsonNode)TargetData(t, context.LineFor(t.Id), typed?.Targets.GetValueOrDefault(t.Id), errors, text))]),
            ["criteria"] = new JsonArray([.. view.Criteria.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Criterion.Id,
                ["name"] = text.Language == "en" ? c.Criterion.NameEn : c.Criterion.NameVi,
                ["max"] = text.Number(c.Max),
                ["description"] = CardText.Plain((text.Language == "en" ? c.Criterion.DescriptionEn : c.Criterion.DescriptionVi) ?? ""),
                ["value"] = typed?.General.GetValueOrDefault(c.Criterion.Id) ?? (view.ReportedGeneral.TryGetValue(c.Criterion.Id, out var v) ? text.Number(v) : ""),
                ["error"] = errors.GetValueOrDefault("general." + c.Criterion.Id, ""),
            })]),
            ["remediation"] = new JsonArray([.. context.Remediation.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["text"] = CardText.Plain(r.Text),
                ["due"] = TextTable.Date(r.DueDate),
                ["status"] = typed?.Remediation.GetValueOrDefault(r.Id)?.Status is { Length: > 0 } s ? s : r.Status.AsReported().Text(),
                ["progress"] = typed?.Remediation.GetValueOrDefault(r.Id)?.Progress ?? r.ProgressPercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["error"] = errors.GetValueOrDefault($"remediation.{r.Id}", ""),
            })]),
            ["selfCriticism"] = typed?.SelfCriticism ?? context.Report?.SelfCriticism ?? "",
            ["selfCriticismError"] = errors.GetValueOrDefault("selfCriticism", ""),
        };
        if (validation is null && view is { Score: { } score, RuleSet: { } ruleSet })
        {
            data["preview"] = new JsonObject
            {
                ["task"] = text.Points(score.TaskPoints, ruleSet.Scale.TaskMax),
                ["general"] = text.Points(score.GeneralPoints, ruleSet.Scale.GeneralMax),
                ["total"] = text.Points(score.Total, ruleSet.Scale.TotalMax),
                ["level"] = text.LevelName(view.Level),
            };
        }

        return templates.Render("checkin", data, language);
    }

    private static JsonObject TargetData(Target target, CheckInLine? line, TargetValues? typed, IReadOnlyDictionary<string, string> errors, TextTable text)
    {
        var prefix = $"target.{target.Id}.";
        return new JsonObject
        {
            ["id"] = target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["title"] = CardText.Plain(target.Title),
            ["unit"] = CardText.Plain(target.UnitOfMeasure),
            ["assigned"] = text.Number(target.Quantity),
            ["deadline"] = TextTable.Date(target.Deadline),
            ["quality"] = CardText.Plain(target.QualityRequirement),
            ["done"] = typed?.Done ?? (line is null ? "" : text.Number(line.Done)),
            ["qualityOk"] = typed?.QualityOk ?? (line is null ? "" : text.Number(line.QualityOk)),
            ["onTime"] = typed?.OnTime ?? (line is null ? "" : text.Number(line.OnTime)),
            ["evidence"] = typed?.Evidence ?? line?.Evidence ?? "",
            ["doneError"] = errors.GetValueOrDefault(prefix + "done", ""),
            ["qualityOkError"] = errors.GetValueOrDefault(prefix + "qualityOk", ""),
            ["onTimeError"] = errors.GetValueOrDefault(prefix + "onTime", ""),
            ["evidenceError"] = errors.GetValueOrDefault(prefix + "evidence", ""),
        };
    }

    private static string StatusText(CheckInReport? report, TextTable text) => report?.Status switch
    {
        null => text["checkinStatusNew"],
        CheckInStatus.Draft => text["checkinStatusDraft"],
        CheckInStatus.Submitted => text["checkinStatusSubmitted"],
        CheckInStatus.Confirmed => text["checkinStatusConfirmed"],
        _ => text["checkinStatusAdjusted"],
    };
}
