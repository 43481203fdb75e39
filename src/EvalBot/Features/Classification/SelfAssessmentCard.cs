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
public sealed record SelfAssessmentTexts(string Strengths, string Shortcomings, string SelfCriticism)
{
    public static SelfAssessmentTexts Empty { get; } = new("", "", "");
}

/// <summary>What a person's self-assessment card shows of their year: the confirmed periods and the open remediation items.</summary>
/// <param name="Periods">Each confirmed (or adjusted) period of the year with its score.</param>
/// <param name="Remediation">The open remediation items, earliest due first, at most <see cref="SelfAssessmentCard.MaxRemediation"/>.</param>
/// <param name="Closed">Whether the unit's meeting minutes of the year are approved (the card is read-only).</param>
public sealed record SelfAssessmentYear(IReadOnlyList<(string Period, decimal? Score)> Periods, IReadOnlyList<(string Text, DateOnly DueDate)> Remediation, bool Closed);

/// <summary>
/// The <c>self-assessment</c> card of a person-year (rule 23's self-assessment): the year's confirmed periods with their
/// scores, the open remediation items, the legal title of the person's rule-set, and the three texts, pre-filled with what was submitted before.
/// </summary>
public sealed class SelfAssessmentCard(EvalBotDbContext db, CardTemplates templates, CheckInScoring scoring)
{
    /// <summary>The longest text of each field.</summary>
    public const int MaxLength = 4000;

    /// <summary>The most open remediation items the card lists.</summary>
    public const int MaxRemediation = 10;

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
        var texts = typed;
        if (texts is null)
        {
            var stored = await db.ReviewSelfAssessments.AsNoTracking().SingleOrDefaultAsync(s => s.PersonId == person.Id && s.Year == year, ct);
            texts = stored is null ? SelfAssessmentTexts.Empty : new SelfAssessmentTexts(stored.Strengths, stored.Shortcomings, stored.SelfCriticism);
        }

        var facts = await LoadAsync([person], year, ct);
        return Render(person, year, language, notice, error, texts, facts[person.Id]);
    }

    /// <summary>The active people among <paramref name="ids"/>, in id order, read on this card's context.</summary>
    public async Task<List<Person>> PeopleAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>
    /// The year of each of <paramref name="people"/> as their card shows it, read in three queries whatever their number
    /// (the compile sends the card to everyone).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, SelfAssessmentYear>> LoadAsync(IReadOnlyCollection<Person> people, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        var ids = people.Select(p => p.Id).ToList();
        var unitIds = people.Select(p => p.UnitId).Distinct().ToList();
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        var reports = (await db.CheckInReports.AsNoTracking()
            .Where(r => ids.Contains(r.PersonId) && r.IsCurrent && r.Period.StartsWith(prefix) && (r.Status == CheckInStatus.Confirmed || r.Status == CheckInStatus.Adjusted))
            .Select(r => new { r.PersonId, r.Period, r.Score }).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var items = (await db.RemediationItems.AsNoTracking()
            .Where(r => ids.Contains(r.PersonId) && (r.Status == RemediationItemStatus.Open || r.Status == RemediationItemStatus.InProgress))
            .Select(r => new { r.PersonId, r.Text, r.DueDate }).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var closed = (await db.ReviewMeetings.AsNoTracking()
            .Where(m => unitIds.Contains(m.UnitId) && m.Year == year && m.ApprovedAt != null).Select(m => m.UnitId).ToListAsync(ct)).ToHashSet();
        return people.ToDictionary(p => p.Id, p => new SelfAssessmentYear(
            [.. reports[p.Id].OrderBy(r => r.Period, StringComparer.Ordinal).Select(r => (r.Period, r.Score))],
            [.. items[p.Id].OrderBy(r => r.DueDate).Take(MaxRemediation).Select(r => (r.Text, r.DueDate))],
            closed.Contains(p.UnitId)));
    }

    /// <summary>Renders the card of <paramref name="person"/> from their year as read by <see cref="LoadAsync"/>.</summary>
    public JsonObject Render(Person person, int year, string language, string? notice, string? error, SelfAssessmentTexts texts, SelfAssessmentYear facts)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(facts);
        var text = new TextTable(templates, language);
        var periods = new JsonArray([.. facts.Periods.Select(r => (JsonNode)new JsonObject
        {
            ["label"] = text.PeriodLabel(r.Period),
            ["score"] = r.Score is { } s ? text.Number(s) : "—",
        })]);
        var remediation = new JsonArray([.. facts.Remediation.Select(r => (JsonNode)new JsonObject { ["text"] = $"{CardText.Plain(r.Text)} ({TextTable.Date(r.DueDate)})" })]);
        var data = new JsonObject
        {
            ["title"] = text.Format("selfAssessTitle", year),
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["ruleSet"] = scoring.RuleSetFor(person, year) is { } ruleSet ? text.RuleSetTitle(ruleSet) : "",
            ["notice"] = notice ?? "",
            ["formError"] = error ?? "",
            ["readOnly"] = facts.Closed,
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
