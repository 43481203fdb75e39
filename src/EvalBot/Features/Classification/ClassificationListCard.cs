using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Classification;

/// <summary>
/// The classification list as a card table (<c>cards/classification-list.json</c>), in the columns of the official summary,
/// limited to the people the viewer may see, and to decided rows unless the viewer decides the row, heads its agency or
/// sits on the organisation board. The board and heads get the official XLSX from the card's download button
/// (<c>classification.export</c>, a file in their personal chat).
/// </summary>
public sealed class ClassificationListCard(EvalBotDbContext db, CardTemplates templates, ClassificationStore store, SummaryAccess access, IOptions<CardsOptions> cards)
{
    /// <summary>Page <paramref name="page"/> of the list (the first when null), numbered across the whole list.</summary>
    public async Task<JsonObject> RenderAsync(Person viewer, int year, string language, int? page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var text = new TextTable(templates, language);
        var visible = (await access.VisiblePeopleAsync(viewer, ct)).ToDictionary(p => p.Id);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        // A draft may still change (a demotion for the quota, the authority's decision): only whoever decides the row, the
        // head of its agency and the organisation board see it; everyone else sees decided rows only.
        var visibleIds = visible.Keys.ToList();
        var rows = (await store.CurrentWhereAsync(year, r => visibleIds.Contains(r.PersonId), tracked: false, ct))
            .Where(r => r.State == ClassificationState.Decided || viewer.IsOrganisationBoard || r.DeciderPersonId == viewer.Id
                || units.GetValueOrDefault(r.AgencyUnitId)?.HeadPersonId == viewer.Id)
            .ToList();
        var posts = await db.Posts.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var headed = (await access.VisibleUnitsAsync(viewer, ct)).FirstOrDefault();
        var ordered = rows.OrderBy(r => units[r.UnitId].Name, StringComparer.Ordinal).ThenBy(r => r.Level ?? 9).ThenByDescending(r => r.Score).ThenBy(r => r.PersonId).ToList();
        var shown = CardPage.Of(ordered, page, cards.Value.PageSize);
        var data = new JsonObject
        {
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["count"] = ordered.Count.ToString(CultureInfo.InvariantCulture),
            ["empty"] = ordered.Count == 0,
            ["export"] = text.Format("classExportHint", year),
            // Only the board and heads may export; anyone else would get a refusal, so the button is not offered to them.
            ["canExport"] = viewer.IsOrganisationBoard || headed is not null,
            ["page"] = text.Pager(shown),
            ["rows"] = new JsonArray([.. shown.Items.Select((r, i) =>
            {
                var p = visible[r.PersonId];
                return (JsonNode)new JsonObject
                {
                    ["index"] = (shown.Offset + i + 1).ToString(CultureInfo.InvariantCulture),
                    ["name"] = CardText.Plain(p.FullName),
                    ["post"] = CardText.Plain(p.PostId is { } post && posts.TryGetValue(post, out var name) ? name : "—"),
                    ["unit"] = CardText.Plain(units[r.UnitId].Name),
                    ["score"] = r.Score is { } s ? text.Number(s) : "—",
                    ["level"] = LevelTexts.LevelText(text, r),
                    ["note"] = r.State == ClassificationState.Decided ? text["classStateDecided"] : text["classStateDraft"],
                };
            })]),
        };
        return templates.Render("classification-list", data, language);
    }
}
