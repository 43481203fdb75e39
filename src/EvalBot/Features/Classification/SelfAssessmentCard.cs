using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>The three texts of a self-assessment, as stored or as typed on the card.</summary>
/// <param name="Strengths">Ưu điểm.</param>
/// <param name="Shortcomings">Hạn chế, khuyết điểm.</param>
/// <param name="SelfCriticism">Tự phê bình.</param>
public sealed record SelfAssessmentTexts(string Strengths, string Shortcomings, string SelfCriticism);

/// <summary>
/// The <c>self-assessment</c> card of a person-year (rule 23's self-assessment): the year's confirmed periods with their
/// scores, the open remediation items, the legal title of the person's rule-set, and the three texts, pre-filled with what was submitted before.
/// </summary>
public sealed class SelfAssessmentCard(EvalBotDbContext db, CardTemplates templates, CheckInScoring scoring)
{
    /// <summary>The longest text of each field.</summary>
    public const int MaxLength = 4000;

    /// <summary>Creates or updates the person-year's self-assessment, dated <paramref name="at"/> (saved by <see cref="CommitAsync"/>).</summary>
    public async Task SaveAsync(long personId, int year, SelfAssessmentTexts texts, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var self = await db.ReviewSelfAssessments.SingleOrDefaultAsync(s => s.PersonId == personId && s.Year == year, ct);
        if (self is null) db.ReviewSelfAssessments.Add(self = new ReviewSelfAssessment { PersonId = personId, Year = year });
        self.Strengths = texts.Strengths;
        self.Shortcomings = texts.Shortcomings;
        self.SelfCriticism = texts.SelfCriticism;
        self.SubmittedAt = at;
    }

    /// <summary>Saves the self-assessment and the audit entry together.</summary>
    public Task CommitAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>Whether the person's unit has approved the minutes of its meeting of the year (rule 24): after that the self-assessment is closed.</summary>
    public Task<bool> ClosedAsync(Person person, int year, CancellationToken ct) =>
        db.ReviewMeetings.AsNoTracking().AnyAsync(m => m.UnitId == person.UnitId && m.Year == year && m.ApprovedAt != null, ct);

    /// <summary>Renders the card; <paramref name="typed"/> replaces the stored texts (an error re-renders what was typed).</summary>
    public async Task<JsonObject> RenderAsync(Person person, int year, string language, string? notice, string? error, SelfAssessmentTexts? typed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var text = new TextTable(templates, language);
        var texts = typed;
        if (texts is null)
        {
            var stored = await db.ReviewSelfAssessments.AsNoTracking().SingleOrDefaultAsync(s => s.PersonId == person.Id && s.Year == year, ct);
            texts = new SelfAssessmentTexts(stored?.Strengths ?? "", stored?.Shortcomings ?? "", stored?.SelfCriticism ?? "");
        }

        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        var reports = await db.CheckInReports.AsNoTracking()
            .Where(r => r.PersonId == person.Id && r.IsCurrent && r.Period.StartsWith(prefix) && (r.Status == CheckInStatus.Confirmed || r.Status == CheckInStatus.Adjusted))
            .Select(r => new { r.Period, r.Score }).ToListAsync(ct);
        var periods = new JsonArray([.. reports.OrderBy(r => r.Period, StringComparer.Ordinal).Select(r => (JsonNode)new JsonObject
        {
            ["label"] = text.PeriodLabel(r.Period),
            ["score"] = r.Score is { } s ? text.Number(s) : "—",
        })]);
        var items = await db.RemediationItems.AsNoTracking()
            .Where(r => r.PersonId == person.Id && (r.Status == RemediationItemStatus.Open || r.Status == RemediationItemStatus.InProgress))
            .OrderBy(r => r.DueDate).Take(10).Select(r => new { r.Text, r.DueDate }).ToListAsync(ct);
        var remediation = new JsonArray([.. items.Select(r => (JsonNode)new JsonObject { ["text"] = $"{CardText.Plain(r.Text)} ({TextTable.Date(r.DueDate)})" })]);
        var data = new JsonObject
        {
            ["title"] = text.Format("selfAssessTitle", year),
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["ruleSet"] = scoring.RuleSetFor(person, year) is { } ruleSet ? text.RuleSetTitle(ruleSet) : "",
            ["notice"] = notice ?? "",
            ["formError"] = error ?? "",
            ["readOnly"] = await ClosedAsync(person, year, ct),
            ["maxLength"] = MaxLength,
            ["periods"] = periods,
            ["remediation"] = remediation,
            ["strengths"] = texts.Strengths,
            ["shortcomings"] = texts.Shortcomings,
            ["selfCriticism"] = texts.SelfCriticism,
        };
        return templates.Render("self-assessment", data, language);
    }
}
