using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// A person's aggregated feedback (<c>cards/feedback-summary.json</c>) for a period or a year, as the viewer may see it
/// through <see cref="FeedbackAggregates"/>: means per group, comments in a text-keyed order, the number of answers,
/// never a name or a time. Below the threshold it says only that nothing can be shown yet, not how many answered.
/// A leader looking at one of their people also gets the reviewer management of the open period.
/// </summary>
public sealed class FeedbackSummaryCard(
    EvalBotDbContext db, FeedbackRepository repository, FeedbackAggregates aggregates, FeedbackReplacement replacement, FeedbackForm form,
    CardTemplates templates, IOptions<PeerFeedbackOptions> options)
{
    public async Task<JsonObject> RenderAsync(Person viewer, Person subject, string? scope, string language, string? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(subject);
        var text = form.Text(language);
        var now = repository.Now;
        var campaigns = await db.CheckInCampaigns.AsNoTracking().OrderByDescending(c => c.Period).Take(24).ToListAsync(cancellationToken);
        var closed = campaigns.Where(c => FeedbackRepository.IsClosed(c, now)).Select(c => c.Period).ToList();
        scope ??= closed.FirstOrDefault() ?? now.Year.ToString(CultureInfo.InvariantCulture);
        var aggregate = await aggregates.ForPersonAsync(subject.Id, scope, viewer.Id, cancellationToken);
        var years = closed.Select(PeriodKey.YearText).Distinct(StringComparer.Ordinal).Take(2);
        var data = new JsonObject
        {
            ["subjectName"] = CardText.Plain(subject.FullName),
            ["personId"] = subject.Id.ToString(CultureInfo.InvariantCulture),
            ["scopeLabel"] = ScopeLabel(scope, text),
            ["notice"] = notice ?? "",
            ["available"] = aggregate is not null,
            ["unavailableText"] = text.Format("feedbackSummaryUnavailable", options.Value.MinAnswers),
            ["answers"] = aggregate?.Answers.ToString(CultureInfo.InvariantCulture) ?? "",
            ["criteria"] = new JsonArray([.. (aggregate?.Criteria ?? []).Select(c => (JsonNode)new JsonObject
            {
                ["name"] = language == "en" ? c.NameEn : c.NameVi,
                ["mean"] = c.Mean is { } m ? $"{m.ToString("0.0", text.Culture)}/{c.ScaleMax}" : text["feedbackSummaryTooFew"],
            })]),
            ["strengths"] = Comments(aggregate?.Strengths),
            ["improvements"] = Comments(aggregate?.Improvements),
            ["hasStrengths"] = aggregate?.Strengths.Count > 0,
            ["hasImprovements"] = aggregate?.Improvements.Count > 0,
            ["scopes"] = new JsonArray([.. closed.Take(4).Concat(years).Where(s => s != scope).Select(s => (JsonNode)new JsonObject
            {
                ["scope"] = s,
                ["label"] = ScopeLabel(s, text),
                ["personId"] = subject.Id.ToString(CultureInfo.InvariantCulture),
            })]),
        };
        await AddManagementAsync(data, viewer, subject, campaigns.FirstOrDefault(c => FeedbackRepository.IsOpen(c, now)), text, cancellationToken);
        return templates.Render("feedback-summary", data, language);
    }

    private async Task AddManagementAsync(JsonObject data, Person viewer, Person subject, CheckInCampaign? open, TextTable text, CancellationToken cancellationToken)
    {
        var manage = open is not null && viewer.Id != subject.Id && (subject.ManagerId == viewer.Id || subject.Unit?.HeadPersonId == viewer.Id);
        data["manage"] = manage;
        data["openPeriod"] = open?.Period ?? "";
        data["openPeriodLabel"] = open is null ? "" : text.PeriodLabel(open.Period);
        if (!manage)
        {
            data["requestCount"] = "";
            data["flagged"] = new JsonArray();
            data["addChoices"] = new JsonArray();
            return;
        }

        var requests = await db.Set<FeedbackRequest>().AsNoTracking()
            .Where(r => r.Period == open!.Period && r.SubjectPersonId == subject.Id && r.Status != FeedbackStatus.Replaced).ToListAsync(cancellationToken);
        var flaggedIds = requests.Where(r => r.Flagged).Select(r => r.ReviewerPersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => flaggedIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var eligible = await replacement.EligibleAsync(subject, open!.Period, cancellationToken);
        var eligibleIds = eligible.Select(e => e.Id).ToList();
        var eligibleNames = await db.People.AsNoTracking().Where(p => eligibleIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        data["requestCount"] = requests.Count.ToString(CultureInfo.InvariantCulture);
        data["flagged"] = new JsonArray([.. requests.Where(r => r.Flagged).Select(r => (JsonNode)new JsonObject
        {
            ["requestId"] = r.Id.ToString(CultureInfo.InvariantCulture),
            ["reviewerName"] = CardText.Plain(names[r.ReviewerPersonId]),
        })]);
        data["addChoices"] = new JsonArray([.. eligible.Select(e => (JsonNode)new JsonObject
        {
            ["title"] = eligibleNames[e.Id],
            ["value"] = e.Id.ToString(CultureInfo.InvariantCulture),
        })]);
    }

    private static JsonArray Comments(IReadOnlyList<string>? comments) =>
        new([.. (comments ?? []).Select(c => (JsonNode)new JsonObject { ["text"] = CardText.Plain(c) })]);

    private static string ScopeLabel(string scope, TextTable text) =>
        scope.Length == 4 ? text.Format("feedbackYear", scope) : PeriodKey.IsValid(scope) ? text.PeriodLabel(scope) : CardText.Plain(scope);
}
