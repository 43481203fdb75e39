using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Summaries;

/// <summary>Shared pieces of the summary cards: the confirmed period scores over a span of years and the list rows.</summary>
public static class SummarySeries
{
    public static async Task<List<(string Period, decimal Score)>> ScoresAsync(EvalBotDbContext db, long personId, int fromYear, int toYear, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reports = await db.CheckInReports.AsNoTracking()
            .Where(r => r.PersonId == personId && r.IsCurrent && r.Score != null && (r.Status == CheckInStatus.Confirmed || r.Status == CheckInStatus.Adjusted))
            .Select(r => new { r.Period, r.Score }).ToListAsync(ct);
        return [.. reports
            .Where(r => PeriodKey.YearOf(r.Period) is { } y && y >= fromYear && y <= toYear)
            .OrderBy(r => r.Period, StringComparer.Ordinal)
            .Select(r => (r.Period, r.Score!.Value))];
    }

    public static JsonArray RemediationRows(IEnumerable<RemediationItemRow> items, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonArray([.. items.Select(r => (JsonNode)new JsonObject
        {
            ["text"] = CardText.Plain(r.Text),
            ["status"] = text[r.Status switch
            {
                RemediationItemStatus.Remedied => "sumRemedied",
                RemediationItemStatus.InProgress => "sumInProgress",
                RemediationItemStatus.NotRemedied => "sumNotRemedied",
                _ => "sumOpen",
            }] + (r.Status == RemediationItemStatus.InProgress ? $" {r.ProgressPercent}%" : "") + " · " + TextTable.Date(r.DueDate),
        })]);
    }

    public static JsonArray DisciplineRows(IEnumerable<DisciplineRecord> items, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonArray([.. items.Select(d => (JsonNode)new JsonObject
        {
            ["date"] = TextTable.Date(d.DecisionDate),
            ["text"] = text["sumSanction_" + d.Sanction] + " · " + text[d.Track == "party" ? "sumTrackParty" : "sumTrackAdministrative"],
        })]);
    }

    public static JsonArray FeedbackRows(FeedbackSummary? feedback, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return feedback is null ? [] : new JsonArray([.. feedback.Criteria.Select(c => (JsonNode)new JsonObject
        {
            ["title"] = CardText.Plain(c.Criterion),
            ["value"] = text.Number(c.Mean),
        })]);
    }
}
