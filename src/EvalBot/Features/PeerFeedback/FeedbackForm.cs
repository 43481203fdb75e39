using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Renders the feedback card (<c>cards/feedback.json</c>) of one request: a 1–5 rating or "cannot judge" per
/// general-criteria group, strengths and improvements. The subject's name is the only person shown; the card never
/// names other reviewers. After a failed check the typed values come back with the error next to each field.
/// </summary>
public sealed class FeedbackForm(CardTemplates templates, IOptions<CheckInOptions> checkIns, IOptions<PeerFeedbackOptions> options)
{
    /// <summary>The rating scale: peer input is evidence, not points, so a plain 1–5 scale is used for every rule-set.</summary>
    public const int ScaleMax = 5;

    public const string CannotJudge = "na";

    public TextTable Text(string language) => new(templates, language);

    public IReadOnlyList<GeneralCriterion> Criteria => checkIns.Value.GeneralCriteria;

    public JsonObject Render(
        FeedbackRequest request, Person subject, Unit? unit, CheckInCampaign campaign, string language, bool readOnly, string? notice,
        FeedbackValues? typed = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(campaign);
        var text = Text(language);
        errors ??= new Dictionary<string, string>();
        var stored = Stored(request.RatingsJson);
        var zone = Domain.Calendar.PersonTimeZone.Resolve(subject.TimeZone ?? unit?.TimeZone);
        var data = new JsonObject
        {
            ["requestId"] = request.Id.ToString(CultureInfo.InvariantCulture),
            ["periodLabel"] = text.PeriodLabel(request.Period),
            ["subjectName"] = CardText.Plain(subject.FullName),
            ["unitName"] = CardText.Plain(unit?.Name ?? ""),
            ["notice"] = notice ?? "",
            ["formError"] = errors.GetValueOrDefault("form") ?? (errors.Count > 0 ? text["feedbackErrorsFound"] : ""),
            ["statusText"] = text[StatusKey(request.Status)],
            ["closes"] = TextTable.DateTime(campaign.ClosesAt, zone),
            ["readOnly"] = readOnly,
            ["maxLength"] = options.Value.MaxTextLength,
            ["criteria"] = new JsonArray([.. Criteria.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["name"] = language == "en" ? c.NameEn : c.NameVi,
                ["value"] = typed is not null ? typed.Ratings.GetValueOrDefault(c.Id) ?? "" : StoredValue(stored, c.Id, request.Status),
                ["error"] = errors.GetValueOrDefault("rating." + c.Id) ?? "",
            })]),
            ["strengths"] = typed?.Strengths ?? request.Strengths ?? "",
            ["improvements"] = typed?.Improvements ?? request.Improvements ?? "",
            ["strengthsError"] = errors.GetValueOrDefault("strengths") ?? "",
            ["improvementsError"] = errors.GetValueOrDefault("improvements") ?? "",
        };
        return templates.Render("feedback", data, language);
    }

    public static string StatusKey(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Answered => "feedbackStatusAnswered",
        FeedbackStatus.Skipped => "feedbackStatusSkipped",
        FeedbackStatus.Replaced => "feedbackStatusReplaced",
        _ => "feedbackStatusPending",
    };

    /// <summary>Stored ratings: criterion id → 1..5, or null for "cannot judge".</summary>
    public static Dictionary<string, int?> Stored(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, int?>>(json) ?? [];

    private static string StoredValue(Dictionary<string, int?> stored, string id, FeedbackStatus status) =>
        status != FeedbackStatus.Answered || !stored.TryGetValue(id, out var value)
            ? ""
            : value is { } v ? v.ToString(CultureInfo.InvariantCulture) : CannotJudge;
}
