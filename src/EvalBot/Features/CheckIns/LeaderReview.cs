using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Domain.Scoring;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.CheckIns;

/// <summary>
/// The direct leader's side of a check-in: who that leader is, the review card (<c>cards/checkin-review.json</c>) sent
/// when a report is submitted, and the result card (<c>cards/checkin-result.json</c>) the person gets once it is decided.
/// </summary>
public sealed class LeaderReview(EvalBotDbContext db, CardTemplates templates, CheckInForm form, OutboxWriter outbox, Microsoft.Extensions.Options.IOptions<CheckInOptions> options)
{
    /// <summary>The direct leader, or else the head of the person's unit; never the person themselves.</summary>
    public async Task<Person?> LeaderOfAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        long? leaderId = person.ManagerId;
        if (leaderId is null || leaderId == person.Id)
        {
            leaderId = await db.Units.Where(u => u.Id == person.UnitId).Select(u => u.HeadPersonId).SingleOrDefaultAsync(cancellationToken);
        }

        return leaderId is null || leaderId == person.Id ? null : await db.People.SingleOrDefaultAsync(p => p.Id == leaderId && p.IsActive, cancellationToken);
    }

    /// <summary>May this person confirm that person's reports? Their direct leader or their unit's head, never themselves.</summary>
    public async Task<bool> MayReviewAsync(Person reviewer, Person subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(subject);
        if (reviewer.Id == subject.Id)
        {
            return false;
        }

        return subject.ManagerId == reviewer.Id
            || await db.Units.AnyAsync(u => u.Id == subject.UnitId && u.HeadPersonId == reviewer.Id, cancellationToken);
    }

    /// <summary>
    /// Queues the review card to the leader: one card per person and period. A changed resubmit replaces the card still
    /// waiting in the outbox, or updates the one already in the leader's chat in place, so alternating submits never
    /// fill the leader's chat or use up its send budget.
    /// </summary>
    public async Task NotifyLeaderAsync(TurnContext turn, CheckInView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(view);
        var context = view.Context;
        var leader = await LeaderOfAsync(context.Person, cancellationToken);
        if (leader?.AadObjectId is null || context.Report is null || turn.Activity.TenantId is not { } tenant || turn.Activity.Recipient?.Id is not { } botId)
        {
            return;
        }

        var language = leader.MessageLanguage();
        var text = form.Text(language);
        var key = $"checkin.review:{context.Person.Id}:{context.Period}";
        var first = await db.Outbox.AsNoTracking().Where(o => o.DedupeKey == key)
            .Select(o => new { o.Id, o.Status, o.ConversationId, o.SentActivityId, o.ServiceUrl }).SingleOrDefaultAsync(cancellationToken);
        var notice = first is null
            ? text.Format("reviewNoticeNew", context.Person.FullName)
            : text.Format("reviewNoticeChanged", context.Person.FullName, context.Report.Version);
        var message = TurnContext.CardMessage(Render(view, language, notice, decision: null));
        if (first is null)
        {
            var recipient = new ProactiveRecipient(leader.AadObjectId, tenant, botId, turn.ServiceUrl, leader.Id, context.Period);
            await outbox.EnqueueToPersonAsync(key, "checkin.review", recipient, message, cancellationToken, turn.Now);
            return;
        }

        // Not sent yet: the waiting card becomes the newest one (only while the sender has not claimed it).
        var json = System.Text.Json.JsonSerializer.Serialize(message, Protocol.ProtocolJson.Options);
        if (first.Status == OutboxStatus.Pending
            && await db.Outbox.Where(o => o.Id == first.Id && o.Status == OutboxStatus.Pending).ExecuteUpdateAsync(u => u.SetProperty(o => o.ActivityJson, json), cancellationToken) == 1)
        {
            return;
        }

        var version = $"{key}:v{context.Report.Id}";
        if (first is { SentActivityId: { } sent, ConversationId: { } conversation })
        {
            await outbox.EnqueueOnceAsync(version, "checkin.review", first.ServiceUrl, conversation, message, cancellationToken, updateActivityId: sent, now: turn.Now);
        }
        else
        {
            // The first card never reached the leader (failed or cut off): send this version as a card of its own.
            var recipient = new ProactiveRecipient(leader.AadObjectId, tenant, botId, turn.ServiceUrl, leader.Id, context.Period);
            await outbox.EnqueueToPersonAsync(version, "checkin.review", recipient, message, cancellationToken, turn.Now);
        }
    }

    /// <summary>
    /// The review card of a turn's <paramref name="view"/> of a submitted report: the summary and the Confirm button first,
    /// the adjustment folded below (open where a field has an error). With a <paramref name="decision"/> it is the read-only
    /// record of the decision (the leader's figures labelled as theirs, every change, the comment and the remediation item);
    /// after a failed check, with the <paramref name="typed"/> values and the errors.
    /// </summary>
    public JsonObject Render(CheckInView view, string language, string? notice, ReviewDecision? decision, IReadOnlyDictionary<string, string>? errors = null, JsonObject? typed = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var context = view.Context;
        var report = context.Report ?? throw new InvalidOperationException("No report to review.");
        var text = form.Text(language);
        var card = new ReviewCardFields(text, errors ?? new Dictionary<string, string>(), typed, decision, options.Value.RequireEvidence);
        var data = new JsonObject
        {
            ["reportId"] = report.Id.ToString(CultureInfo.InvariantCulture),
            ["period"] = context.Period,
            ["periodLabel"] = text.PeriodLabel(context.Period),
            ["personName"] = CardText.Plain(context.Person.FullName),
            ["unitName"] = CardText.Plain(context.Unit.Name),
            ["version"] = report.Version.ToString(CultureInfo.InvariantCulture),
            ["notice"] = notice ?? "",
            ["formError"] = card.Errors.Count > 0 ? text["checkinErrorsFound"] : "",
            ["unverifiedError"] = card.Errors.GetValueOrDefault(ReviewActions.UnverifiedKey, ""),
            ["submittedAt"] = report.SubmittedAt is { } at ? TextTable.DateTime(at, context.Zone) : "—",
            ["score"] = view is { Score: { } score, RuleSet: { } ruleSet } ? text.Points(score.Total, ruleSet.Scale.TotalMax) : "—",
            ["level"] = text.LevelName(view.Level),
            ["decided"] = decision is not null,
            ["decisionText"] = decision?.Text ?? "",
            ["open"] = card.Errors.Count > 0,
            ["generalOpen"] = card.Errors.Keys.Any(k => k.StartsWith("general.", StringComparison.Ordinal)),
            ["lines"] = new JsonArray([.. context.Targets.Select(t => (JsonNode)card.Line(t, context.LineFor(t.Id) ?? new CheckInLine { TargetId = t.Id }))]),
            ["criteria"] = new JsonArray([.. view.Criteria.Select(c => (JsonNode)card.Criterion(c.Criterion, c.Max, view.ReportedGeneral, view.CountedGeneral))]),
            ["selfCriticism"] = CardText.Plain(report.SelfCriticism ?? "—"),
            ["remediationError"] = card.Errors.GetValueOrDefault("remediation", ""),
            ["changes"] = new JsonArray([.. (decision?.Changes ?? []).Select(c => (JsonNode)new JsonObject { ["text"] = CardText.Plain(c.Describe(text)) })]),
            ["comment"] = CardText.Plain(decision?.Comment ?? ""),
            ["remediation"] = Remediation(decision?.Remediation),
        };
        return templates.Render("checkin-review", data, language);
    }

    /// <summary>The remediation item a decision recorded, as the review and result cards list it.</summary>
    internal static JsonArray Remediation(NewRemediation? item) => item is null
        ? []
        : [new JsonObject { ["text"] = CardText.Plain(item.Text), ["due"] = TextTable.Date(item.Due) }];
}
