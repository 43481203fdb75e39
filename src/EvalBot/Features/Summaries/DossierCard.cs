using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Summaries;

/// <summary>
/// The appointment dossier (<c>cards/summary-dossier.json</c>, rule 40): three years of annual levels, every period score,
/// products delivered per year, remediation items with their status, discipline, and the trend and development
/// prospects computed from the series by <see cref="Prospects"/> (the card states the method).
/// </summary>
public sealed class DossierCard(EvalBotDbContext db, CardTemplates templates, ClassificationStore store, CheckInScoring scoring, IEnumerable<IFeedbackSummaries> feedback,
    IEnumerable<IPartyStandings> party, OrganisationClock clock)
{
    public const int Years = 3;

    public async Task<JsonObject> RenderAsync(Person person, Person viewer, string language, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(viewer);
        var text = new TextTable(templates, language);
        var year = clock.Year(now);
        var from = year - Years + 1;
        var ruleSet = scoring.RuleSetFor(person, year);
        var good = ruleSet?.Bands.FirstOrDefault(b => b.Level == Level.Good)?.Threshold ?? 70m;
        var scale = TrendScale.Of(ruleSet);
        var scores = await SummarySeries.ScoresAsync(db, person.Id, from, year, ct);
        var annual = new List<(int Year, ClassificationRecord? Row)>();
        for (var y = from; y <= year; y++) annual.Add((y, await store.CurrentForAsync(person.Id, y, ct)));
        var standings = party.FirstOrDefault() is { } track && person.IsPartyMember ? await track.ForPersonAsync(person.Id, from, year, ct) : [];
        var prospects = Prospects.From([.. scores.Select(s => s.Score)], good, annual.Any(a => a.Row is { State: ClassificationState.Decided, Level: (int)Level.NotComplete }));
        var reports = await db.CheckInReports.AsNoTracking().Include(r => r.Lines)
            .Where(r => r.PersonId == person.Id && r.IsCurrent && (r.Status == CheckInStatus.Confirmed || r.Status == CheckInStatus.Adjusted)).ToListAsync(ct);
        var targetIds = reports.SelectMany(r => r.Lines).Select(l => l.TargetId).ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => targetIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var remediation = await db.RemediationItems.AsNoTracking().Where(r => r.PersonId == person.Id).OrderBy(r => r.DueDate).ToListAsync(ct);
        var discipline = await db.Disciplines.AsNoTracking().Where(d => d.PersonId == person.Id).OrderBy(d => d.DecisionDate).ToListAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == person.UnitId).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? "";
        var provider = feedback.FirstOrDefault();
        var fb = provider is null ? null : await provider.ForPersonAsync(person.Id, viewer.Id, year, language, ct);
        var card = new JsonObject
        {
            ["name"] = CardText.Plain(person.FullName),
            ["unit"] = CardText.Plain(unit),
            ["span"] = $"{from}–{year}",
            ["annual"] = AnnualRows(annual, standings, text),
            ["hasTrend"] = scores.Count > 0,
            ["trend"] = TrendRows.Build(scores, scale, text),
            ["axis"] = TrendRows.Axis(scale, text),
            ["axisMax"] = scale.MaxText(text),
            ["products"] = ProductRows(reports, targets, from, text),
            ["hasRemediation"] = remediation.Count > 0,
            ["remediation"] = SummarySeries.RemediationRows(remediation, text),
            ["hasDiscipline"] = discipline.Count > 0,
            ["discipline"] = SummarySeries.DisciplineRows(discipline, text),
            ["trendText"] = text["dosTrend" + prospects.Trend],
            ["prospect"] = text["dosProspect" + prospects.Prospect],
            ["mobility"] = Mobility(await store.CurrentForAsync(person.Id, year - 1, ct), year - 1, text),
            ["stats"] = prospects.Trend == TrendDirection.Insufficient
                ? text.Format("dosStatsInsufficient", prospects.Periods, Prospects.MinimumPeriods)
                : text.Format("dosStats", prospects.Periods, SignedNumber(text, prospects.Slope), text.Number(prospects.StandardDeviation), text.Number(prospects.ShareGoodPercent), text.Number(good)),
            ["method"] = text.Format("dosMethod", text.Number(good)),
            ["hasFeedback"] = fb is not null,
            ["feedback"] = SummarySeries.FeedbackRows(fb, text),
            ["feedbackCount"] = fb?.Answers.ToString(CultureInfo.InvariantCulture) ?? "0",
        };
        DossierSheet.Fill(card, await DossierSheet.ForAsync(db, person, ct), reports, year, text);
        return templates.Render("summary-dossier", card, language);
    }

    /// <summary>
    /// Each year's level, "no data" when there is no row, marked as a draft until decided; for a Party member, the year's
    /// Party rating beside it (levels only).
    /// </summary>
    private static JsonArray AnnualRows(List<(int Year, ClassificationRecord? Row)> annual, IReadOnlyList<PartyStanding> party, TextTable text) =>
        new([.. annual.Select(a => (JsonNode)new JsonObject
        {
            ["year"] = a.Year.ToString(CultureInfo.InvariantCulture),
            ["level"] = (a.Row is null ? text.Format("dosNoData", a.Year) : LevelTexts.LevelText(text, a.Row)
                + (a.Row.State == ClassificationState.Decided ? "" : " (" + text["classStateDraft"] + ")"))
                + (party.FirstOrDefault(p => p.Year == a.Year) is { Level: { } level } p
                    ? " · " + text.Format("dosParty", text.LevelName(level) + (p.Decided ? "" : " (" + text["classStateDraft"] + ")"))
                    : ""),
        })]);

    /// <summary>
    /// Rule 40 (Decree 170): a change of job position now needs the year before rated HTT or better; a draft or a missing
    /// rating leaves it unknown.
    /// </summary>
    private static string Mobility(ClassificationRecord? prior, int year, TextTable text)
    {
        if (prior is not { State: ClassificationState.Decided, Level: { } level }) return text.Format("dosMobilityUnknown", year);
        var name = text.LevelName((Level)level);
        return text.Format((Level)level is Level.Excellent or Level.Good ? "dosMobilityYes" : "dosMobilityNo", year, name);
    }

    /// <summary>Per year: the confirmed product lines, how many met their target and how many exceeded it.</summary>
    private static JsonArray ProductRows(List<CheckInReport> reports, Dictionary<long, Target> targets, int from, TextTable text) =>
        new([.. Enumerable.Range(from, Years).Select(y =>
        {
            var lines = reports.Where(r => PeriodKey.YearOf(r.Period) == y)
                .SelectMany(r => r.Lines).Where(l => targets.ContainsKey(l.TargetId)).ToList();
            return (JsonNode)new JsonObject
            {
                ["year"] = y.ToString(CultureInfo.InvariantCulture),
                ["value"] = lines.Count == 0 ? text.Format("dosNoData", y) : text.Format("dosProducts", lines.Count, lines.Count(l => l.Done >= targets[l.TargetId].Quantity), lines.Count(l => l.Done > targets[l.TargetId].Quantity)),
            };
        })]);

    private static string SignedNumber(TextTable text, decimal value) => (value > 0 ? "+" : "") + text.Number(value);
}
