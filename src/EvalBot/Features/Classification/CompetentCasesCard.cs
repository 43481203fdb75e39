using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Classification;

/// <summary>
/// The card of the person the organisation file names as the competent level of some units (<c>competent_person_id</c>,
/// <c>cards/classification-cases.json</c>): the cases of those units the rules could not decide, each with the form to
/// record the decision (<c>classification.authority</c>). Sent with <c>xếp loại</c> when any is waiting.
/// </summary>
public sealed class CompetentCasesCard(ClassificationStore store, EvalBotDbContext db, CardTemplates templates, IOptions<BoardOptions> options)
{
    /// <summary>Whether <paramref name="personId"/> is the competent level of the unit of <paramref name="row"/>.</summary>
    public Task<bool> IsCompetentForAsync(long personId, ClassificationRecord row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return db.Units.AnyAsync(u => u.Id == row.UnitId && u.CompetentPersonId == personId, cancellationToken);
    }

    /// <summary>The drafts waiting for <paramref name="personId"/> as the competent level.</summary>
    public async Task<List<ClassificationRecord>> WaitingForAsync(long personId, int year, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.CompetentPersonId == personId).Select(u => u.Id).ToListAsync(cancellationToken);
        if (units.Count == 0) return [];
        return [.. (await store.CurrentWhereAsync(year, r => units.Contains(r.UnitId) && r.State == ClassificationState.Draft, tracked: false, cancellationToken))
            .Where(r => r.Outcome.NeedsDecision())];
    }

    public async Task<JsonObject> RenderAsync(long personId, int year, string language, string? notice, string? error, CancellationToken cancellationToken)
    {
        var text = new TextTable(templates, language);
        var waiting = await WaitingForAsync(personId, year, cancellationToken);
        var shown = await BoardYearStatus.CasesAsync(db, [.. waiting.Take(options.Value.MaxCases)], language, cancellationToken);
        var data = new JsonObject
        {
            ["title"] = text.Format("casesTitle", year),
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["notice"] = notice ?? "",
            ["error"] = error ?? "",
            ["cases"] = BoardCaseCards.Of(shown, text),
            ["casesMore"] = text.More(waiting.Count - shown.Count),
        };
        return templates.Render("classification-cases", data, language);
    }
}
