using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Summaries;

/// <summary>
/// The dossier's score-sheet section: the criteria of the person's sheet (post, group, agency) with their maxima and what
/// earns the points, and for each general criterion the mean of the points that counted in the year's confirmed periods.
/// Nothing when no sheet applies (the default criteria of <c>CheckIns:GeneralCriteria</c>).
/// </summary>
public static class DossierSheet
{
    public static async Task<PersonSheet?> ForAsync(EvalBotDbContext db, Person person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var book = await ScoreSheetBook.LoadAsync(db, ct);
        var tree = book.HasAgencySheets ? new OrgTree(await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct)) : null;
        return book.For(person, tree);
    }

    public static void Fill(JsonObject card, PersonSheet? sheet, IEnumerable<CheckInReport> reports, int year, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(text);
        var english = text.Language == "en";
        var general = reports.Where(r => PeriodKey.YearOf(r.Period) == year).Select(r => GeneralScores.Parse(r.ConfirmedGeneralJson ?? r.GeneralJson)).ToList();
        card["hasSheet"] = sheet is not null;
        card["sheetTitle"] = sheet is null ? "" : text.Format("dosSheetTitle", sheet.Scope switch
        {
            "post" => text["dosSheetScopePost"],
            "group" => text["dosSheetScopeGroup"],
            _ => text["dosSheetScopeAgency"],
        });
        card["sheet"] = new JsonArray([.. (sheet?.Criteria ?? []).Select(c => (JsonNode)new JsonObject
        {
            ["name"] = CardText.Plain(english ? c.NameEn : c.NameVi),
            ["points"] = Points(c, general, text),
            ["description"] = CardText.Plain((english ? c.DescriptionEn : c.DescriptionVi) ?? ""),
        })]);
    }

    private static string Points(ScoreSheetCriterion c, List<Dictionary<string, decimal>> general, TextTable text)
    {
        if (c.Group != ScoreSheetGroups.General) return text.Format("dosSheetTask", text.Number(c.Max));
        var max = text.Format("dosSheetGeneral", text.Number(c.Max));
        var given = general.Where(g => g.ContainsKey(c.CriterionId)).Select(g => g[c.CriterionId]).ToList();
        return given.Count == 0 ? max : text.Format("dosSheetPoints", max, text.Number(Math.Round(given.Average(), 2, MidpointRounding.AwayFromZero)));
    }
}
