using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Summaries;

/// <summary>
/// The person summary (<c>cards/summary-person.json</c>): period-by-period trend as bars, the year's products, open
/// remediation items, discipline and the level: the decided one once the year's result is decided, else the provisional one,
/// marked as such; peer feedback only when a feedback provider is registered.
/// </summary>
public sealed class PersonSummaryCard(
    EvalBotDbContext db, CardTemplates templates, Provisional provisional, IEnumerable<IFeedbackSummaries> feedback, OrganisationClock clock, ClassificationStore store)
{
    public async Task<JsonObject> RenderAsync(Person person, Person viewer, string language, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(viewer);
        var text = new TextTable(templates, language);
        var today = clock.Today(now);
        var data = await YearData.LoadAsync(db, today.Year, ct);
        var result = provisional.For([person], data, today)[0];
        var decided = await store.CurrentForAsync(person.Id, today.Year, ct) is { State: ClassificationState.Decided } row ? row : null;
        var max = result.RuleSet?.Scale.TotalMax ?? 100m;
        var scale = TrendScale.Of(result.RuleSet);
        var history = await SummarySeries.ScoresAsync(db, person.Id, today.Year - 1, today.Year, ct);
        var unit = data.Units.GetValueOrDefault(person.UnitId)?.Name ?? "";
        var products = data.Reports[person.Id].OrderByDescending(r => r.Period, StringComparer.Ordinal)
            .SelectMany(r => r.Lines.Where(l => data.Targets.ContainsKey(l.TargetId)).Select(l => (r.Period, Line: l, Target: data.Targets[l.TargetId])))
            .Take(8).ToList();
        var remediation = data.Remediation[person.Id].Where(r => r.Status != RemediationItemStatus.Remedied).OrderBy(r => r.DueDate).ToList();
        var discipline = data.Disciplines[person.Id].Where(d => d.DecisionDate.Year >= today.Year - 1).OrderBy(d => d.DecisionDate).ToList();
        var provider = feedback.FirstOrDefault();
        var fb = provider is null ? null : await provider.ForPersonAsync(person.Id, viewer.Id, today.Year, language, ct);
        var card = new JsonObject
        {
            ["name"] = CardText.Plain(person.FullName),
            ["unit"] = CardText.Plain(unit),
            ["year"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["levelTitle"] = text[decided is null ? "sumProvisional" : "sumDecidedLevel"],
            ["scoreTitle"] = text[decided is null ? "sumScore" : "sumDecidedScore"],
            ["level"] = decided is not null ? LevelTexts.LevelText(text, decided) : result.Result is null ? text["levelNone"] : ProvisionalText(text, result),
            ["score"] = (decided is null ? result.Result?.Score : decided.Score) is { } s ? text.Points(s, max) : "—",
            ["levelNote"] = decided is null ? text["sumProvisionalNote"]
                : text.Format("sumDecidedNote", today.Year, decided.DecidedAt is { } at ? TextTable.Date(clock.Today(at)) : "—"),
            ["ruleSet"] = text.RuleSetTitle(result.RuleSet),
            // The risk is the provisional one: a decided year has its level.
            ["atRisk"] = decided is null && result.AtRisk,
            ["hasTrend"] = history.Count > 0,
            ["trend"] = TrendRows.Build(history, scale, text),
            ["axis"] = TrendRows.Axis(scale, text),
            ["axisMax"] = scale.MaxText(text),
            ["hasProducts"] = products.Count > 0,
            ["products"] = new JsonArray([.. products.Select(p => (JsonNode)new JsonObject
            {
                ["title"] = CardText.Plain(p.Target.Title),
                ["value"] = $"{text.PeriodLabel(p.Period)} · {text.Number(p.Line.Done)}/{text.Number(p.Target.Quantity)} {CardText.Plain(p.Target.UnitOfMeasure)}",
            })]),
            ["hasRemediation"] = remediation.Count > 0,
            ["remediation"] = SummarySeries.RemediationRows(remediation, text),
            ["hasDiscipline"] = discipline.Count > 0,
            ["discipline"] = SummarySeries.DisciplineRows(discipline, text),
            ["hasFeedback"] = fb is not null,
            ["feedback"] = SummarySeries.FeedbackRows(fb, text),
            ["feedbackCount"] = fb?.Answers.ToString(CultureInfo.InvariantCulture) ?? "0",
        };
        return templates.Render("summary-person", card, language);
    }

    public static string ProvisionalText(TextTable text, ProvisionalResult result)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(result);
        return result.Result?.Status switch
        {
            Domain.Classification.ClassificationStatus.NotRated => text["classNotRated"],
            Domain.Classification.ClassificationStatus.NeedsAuthorityDecision or Domain.Classification.ClassificationStatus.Rejected => text["classNeedsDecision"],
            _ => text.LevelName(result.Level),
        };
    }
}
