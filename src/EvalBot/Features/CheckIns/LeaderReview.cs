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
public sealed class LeaderReview(EvalBotDbContext db, CardTemplates templates, CheckInForm form, OutboxWriter outbox)
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
    public async Task NotifyLeaderAsync(TurnContext turn, CheckInContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(context);
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
        var message = TurnContext.CardMessage(Render(context, language, notice, decidedText: null));
        if (first is null)
        {
            var recipient = new ProactiveRecipient(leader.AadObjectId, tenant, botId, turn.ServiceUrl, leader.Id, context.Period);
            await outbox.EnqueueToPersonAsync(key, "checkin.review", recipient, message, cancellationToken);
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
            await outbox.EnqueueOnceAsync(version, "checkin.review", first.ServiceUrl, conversation, message, cancellationToken, updateActivityId: sent);
        }
        else
        {
            // The first card never reached the leader (failed or cut off): send this version as a card of its own.
            var recipient = new ProactiveRecipient(leader.AadObjectId, tenant, botId, turn.ServiceUrl, leader.Id, context.Period);
            await outbox.EnqueueToPersonAsync(version, "checkin.review", recipient, message, cancellationToken);
        }
    }

    /// <summary>The review card for a submitted report; with <paramref name="decidedText"/> it is the read-only record of the decision.</summary>
    public JsonObject Render(CheckInContext context, string language, string? notice, string? decidedText, IReadOnlyDictionary<string, string>? errors = null, JsonObject? typed = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report ?? throw new InvalidOperationException("No report to review.");
        var text = form.Text(language);
        errors ??= new Dictionary<string, string>();
        var score = form.Preview(context);
        var ruleSet = context.RuleSet;
        var self = GeneralScores.Parse(report.GeneralJson);
        var confirmed = GeneralScores.Parse(report.ConfirmedGeneralJson ?? report.GeneralJson);
        string Typed(string key, string fallback) => typed is not null && Protocol.JsonRead.Text(typed, key) is { } value ? value : fallback;
        var data = new JsonObject
        {
            ["reportId"] = report.Id.ToString(CultureInfo.InvariantCulture),
            ["period"] = context.Period,
            ["periodLabel"] = text.PeriodLabel(context.Period),
            ["personName"] = CardText.Plain(context.Person.FullName),
            ["unitName"] = CardText.Plain(context.Unit.Name),
            ["version"] = report.Version.ToString(CultureInfo.InvariantCulture),
            ["notice"] = notice ?? "",
            ["formError"] = errors.Count > 0 ? text["checkinErrorsFound"] : "",
            ["submittedAt"] = report.SubmittedAt is { } at ? TextTable.DateTime(at, context.Zone) : "—",
            ["score"] = score is null || ruleSet is null ? "—" : text.Points(score.Total, ruleSet.Scale.TotalMax),
            ["level"] = score is null || ruleSet is null ? text.LevelName(null) : text.LevelName(Bands.LevelFor(score.Total, ruleSet)),
            ["decided"] = decidedText is not null,
            ["decisionText"] = decidedText ?? "",
            ["lines"] = new JsonArray([.. context.Targets.Select(t =>
            {
                var line = context.LineFor(t.Id) ?? new CheckInLine { TargetId = t.Id };
                var p = $"target.{t.Id}.";
                return (JsonNode)new JsonObject
                {
                    ["id"] = t.Id.ToString(CultureInfo.InvariantCulture),
                    ["title"] = CardText.Plain(t.Title),
                    ["unit"] = CardText.Plain(t.UnitOfMeasure),
                    ["assigned"] = text.Number(t.Quantity),
                    ["deadline"] = TextTable.Date(t.Deadline),
                    ["reported"] = $"{text.Number(line.Done)} / {text.Number(line.QualityOk)} / {text.Number(line.OnTime)}",
                    ["evidence"] = CardText.Plain(line.Evidence ?? "—"),
                    ["done"] = Typed(p + "done", text.Number(line.Done)),
                    ["qualityOk"] = Typed(p + "qualityOk", text.Number(line.QualityOk)),
                    ["onTime"] = Typed(p + "onTime", text.Number(line.OnTime)),
                    ["failedChecks"] = Typed(p + "failedChecks", line.FailedChecks.ToString(CultureInfo.InvariantCulture)),
                    ["delays"] = Typed(p + "delays", line.Delays.ToString(CultureInfo.InvariantCulture)),
                    ["objectiveCause"] = Typed(p + "objectiveCause", line.ObjectiveCause ? "true" : "false"),
                    ["objectiveCauseDocument"] = Typed(p + "objectiveCauseDocument", line.ObjectiveCauseDocument ?? ""),
                    ["reason"] = Typed(p + "reason", line.AdjustReason ?? ""),
                    ["doneError"] = errors.GetValueOrDefault(p + "done", ""),
                    ["qualityOkError"] = errors.GetValueOrDefault(p + "qualityOk", ""),
                    ["onTimeError"] = errors.GetValueOrDefault(p + "onTime", ""),
                    ["objectiveCauseError"] = errors.GetValueOrDefault(p + "objectiveCause", ""),
                    ["reasonError"] = errors.GetValueOrDefault(p + "reason", ""),
                };
            })]),
            ["criteria"] = new JsonArray([.. (ruleSet is null ? [] : form.Criteria(ruleSet)).Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Criterion.Id,
                ["name"] = language == "en" ? c.Criterion.NameEn : c.Criterion.NameVi,
                ["max"] = text.Number(c.Max),
                ["self"] = self.TryGetValue(c.Criterion.Id, out var s) ? text.Number(s) : "—",
                ["value"] = Typed("general." + c.Criterion.Id, confirmed.TryGetValue(c.Criterion.Id, out var v) ? text.Number(v) : ""),
                ["error"] = errors.GetValueOrDefault("general." + c.Criterion.Id, ""),
            })]),
            ["selfCriticism"] = CardText.Plain(report.SelfCriticism ?? "—"),
            ["remediationError"] = errors.GetValueOrDefault("remediation", ""),
        };
        return templates.Render("checkin-review", data, language);
    }
}
