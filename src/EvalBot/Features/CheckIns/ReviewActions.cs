using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Auditing;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.CheckIns;

/// <summary>
/// <c>checkin.confirm</c> and <c>checkin.adjust</c>: the direct leader (or the unit head) accepts the report, or changes
/// figures with a reason per product, records failed quality checks, delays and objective-cause exemptions (with the
/// confirming document), sets the general-criteria points, and may record a shortcoming to remedy. The person is told
/// what changed and why; every change goes to the audit log. Only the current submitted version can be decided.
/// </summary>
public sealed class ReviewActions(
    CheckInRepository repository,
    CheckInForm form,
    CheckInViews views,
    LeaderReview review,
    CardTemplates templates,
    OutboxWriter outbox,
    AuditLog audit,
    Microsoft.Extensions.Options.IOptions<CheckInOptions> options,
    Microsoft.Extensions.Options.IOptions<ComplaintOptions> complaints,
    IEnumerable<ICheckInConfirmations> followers) : ICardActionHandler
{
    /// <summary>The error key of the refusal of unverified products (rule 36).</summary>
    internal const string UnverifiedKey = "unverified";

    public IReadOnlyList<string> Verbs { get; } = ["checkin.confirm", "checkin.adjust"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var reviewer = await turn.SenderAsync(cancellationToken);
        var language = turn.Language;
        var text = form.Text(language);
        if (reviewer is null)
        {
            return InvokeResponse.Message(text["checkinErrNoPerson"]);
        }

        var reportId = long.TryParse(JsonRead.Text(action.Data, "reportId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var report = reportId is null ? null : await turn.Db.CheckInReports.Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var subject = report is null ? null : await turn.Db.People.Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == report.PersonId, cancellationToken);
        if (report is null || subject is null)
        {
            return InvokeResponse.Message(text["checkinErrNotYours"]);
        }

        if (!await review.MayReviewAsync(reviewer, subject, cancellationToken))
        {
            return InvokeResponse.Message(text["reviewErrNotLeader"]);
        }

        var context = (await repository.LoadAsync(subject, report.Period, cancellationToken)) with { Report = report };
        if (!report.IsCurrent || report.Status != CheckInStatus.Submitted)
        {
            return InvokeResponse.Message(text["reviewErrStale"]);
        }

        var criteria = views.Criteria(context);
        var input = ReviewInput.Parse(action.Data, context, [.. criteria.Select(c => (c.Criterion.Id, c.Max))], text, turn.Now, context.Zone, options.Value.MaxDoneMultiple);
        var errors = Errors(context, input, text);
        if (errors.Count > 0)
        {
            return InvokeResponse.Card(review.Render(views.Of(context, turn.Now, criteria), language, null, null, errors, action.Data));
        }

        var reported = context.Targets.ToDictionary(t => t.Id, t => context.LineFor(t.Id) is { } l ? new LineFigures(l.Done, l.QualityOk, l.OnTime) : default);
        var changes = Apply(context, input, reviewer, turn);
        // The one view of the decided report: the points just confirmed are the ones stored, so they are not read back.
        var view = views.Of(context, turn.Now, criteria, counted: input.General);
        changes.AddRange(GeneralChanges(view, input));
        report.Score = view.Score?.Total;
        var decidedText = text.Format(report.Status == CheckInStatus.Adjusted ? "reviewDecidedAdjusted" : "reviewDecidedConfirmed", TextTable.DateTime(turn.Now, context.Zone));
        audit.Record(turn.UserAadObjectId!, report.Status == CheckInStatus.Adjusted ? "checkin.adjust" : "checkin.confirm", "CheckInReport", $"{subject.ExternalId}/{report.Period}/v{report.Version}", new { report.Score, changes = changes.Count }, at: turn.Now);
        await NotifyPersonAsync(turn, view, reviewer, changes, input, cancellationToken);
        // What other features do with a decided period (the Party member's quarterly record) reads it saved.
        await turn.Db.SaveChangesAsync(cancellationToken);
        foreach (var follower in followers)
        {
            await follower.ConfirmedAsync(new CheckInConfirmed(subject.Id, report.Period, turn.Now), cancellationToken);
        }

        var decision = new ReviewDecision(decidedText, reported, changes, input.Comment, input.Remediation);
        return InvokeResponse.Card(review.Render(view, language, null, decision));
    }

    /// <summary>
    /// The typed decision's errors and, with <c>CheckIns:RequireEvidence</c>, rule 36: a product with completed work (as
    /// the leader decides it) and no evidence is unverified, so the report cannot be decided; the refusal names the
    /// products. Adjusting the completed amount to zero lifts it.
    /// </summary>
    private Dictionary<string, string> Errors(CheckInContext context, ReviewInput input, TextTable text)
    {
        var errors = new Dictionary<string, string>(input.Errors, StringComparer.Ordinal);
        if (!options.Value.RequireEvidence)
        {
            return errors;
        }

        var names = new List<string>();
        foreach (var target in context.Targets)
        {
            if (ReviewCardFields.IsUnverified(input.Lines[target.Id].Done, context.LineFor(target.Id)))
            {
                names.Add(target.Title);
                errors.TryAdd($"target.{target.Id}.done", text["reviewErrUnverifiedLine"]);
            }
        }

        if (names.Count > 0)
        {
            errors[UnverifiedKey] = text.Format("reviewErrUnverified", CardText.Plain(string.Join(", ", names)));
        }

        return errors;
    }

    /// <summary>The general criteria whose points the leader set other than the person's self-assessment.</summary>
    private static IEnumerable<ReviewChange> GeneralChanges(CheckInView view, ReviewInput input)
    {
        foreach (var (criterion, _) in view.Criteria)
        {
            decimal? self = view.ReportedGeneral.TryGetValue(criterion.Id, out var reported) ? reported : null;
            if (input.General.TryGetValue(criterion.Id, out var counted) && self != counted)
            {
                yield return new GeneralChange(criterion, self, counted);
            }
        }
    }

    private List<ReviewChange> Apply(CheckInContext context, ReviewInput input, Person reviewer, TurnContext turn)
    {
        var report = context.Report!;
        var changes = new List<ReviewChange>();
        var changed = false;
        foreach (var target in context.Targets)
        {
            var line = report.Lines.FirstOrDefault(l => l.TargetId == target.Id);
            if (line is null)
            {
                line = new CheckInLine { TargetId = target.Id };
                report.Lines.Add(line);
            }

            changed |= ApplyLine(report, target, line, input.Lines[target.Id], reviewer, turn, changes);
        }

        var generalJson = JsonSerializer.Serialize(input.General.OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary());
        changed |= generalJson != report.GeneralJson;
        report.ConfirmedGeneralJson = generalJson;
        report.Status = changed ? CheckInStatus.Adjusted : CheckInStatus.Confirmed;
        report.ReviewedByPersonId = reviewer.Id;
        report.ReviewedAt = turn.Now;
        report.ReviewComment = input.Comment.Length == 0 ? null : input.Comment;
        if (input.Remediation is { } item)
        {
            AddRemediation(context, item, reviewer, turn);
        }

        return changes;
    }

    /// <summary>Writes the leader's figures for one product, telling the person and the audit log what changed; true when a reported figure did.</summary>
    private bool ApplyLine(CheckInReport report, Target target, CheckInLine line, ReviewLine typed, Person reviewer, TurnContext turn, List<ReviewChange> changes)
    {
        var changed = false;
        foreach (var (field, from, to) in new[] { ("fieldDone", line.Done, typed.Done), ("fieldQualityOk", line.QualityOk, typed.QualityOk), ("fieldOnTime", line.OnTime, typed.OnTime) })
        {
            if (from != to)
            {
                changed = true;
                changes.Add(new FigureChange(target.Title, field, from, to, typed.Reason));
                audit.Record(turn.UserAadObjectId!, "checkin.line.adjust", "CheckInLine", $"{report.Id}/{target.Id}", new { field, from, to, reason = typed.Reason }, at: turn.Now);
            }
        }

        if (typed.FailedChecks != line.FailedChecks || typed.Delays != line.Delays || typed.ObjectiveCause != line.ObjectiveCause)
        {
            changes.Add(new DeductionChange(target.Title, typed.FailedChecks, typed.Delays, typed.ObjectiveCause, typed.Document));
            audit.Record(turn.UserAadObjectId!, typed.ObjectiveCause ? "checkin.exemption" : "checkin.deduction", "CheckInLine", $"{report.Id}/{target.Id}", new { typed.FailedChecks, typed.Delays, typed.ObjectiveCause, document = typed.Document }, at: turn.Now);
        }

        line.Done = typed.Done;
        line.QualityOk = typed.QualityOk;
        line.OnTime = typed.OnTime;
        line.FailedChecks = typed.FailedChecks;
        line.Delays = typed.Delays;
        line.ObjectiveCause = typed.ObjectiveCause;
        line.ObjectiveCauseApprover = typed.ObjectiveCause ? reviewer.FullName : null;
        line.ObjectiveCauseDocument = typed.ObjectiveCause ? typed.Document : null;
        line.AdjustReason = typed.Reason.Length == 0 ? null : typed.Reason;
        return changed;
    }

    private void AddRemediation(CheckInContext context, NewRemediation item, Person reviewer, TurnContext turn)
    {
        turn.Db.RemediationItems.Add(new RemediationItemRow
        {
            PersonId = context.Person.Id,
            OwnerPersonId = context.Person.Id,
            Text = item.Text,
            DueDate = item.Due,
            RaisedInPeriod = context.Period,
            CreatedByPersonId = reviewer.Id,
            CreatedAt = turn.Now,
            UpdatedAt = turn.Now,
        });
        audit.Record(turn.UserAadObjectId!, "remediation.create", "Person", context.Person.ExternalId, new { item.Text, due = item.Due }, at: turn.Now);
    }

    private async Task NotifyPersonAsync(TurnContext turn, CheckInView view, Person reviewer, List<ReviewChange> changes, ReviewInput input, CancellationToken cancellationToken)
    {
        var context = view.Context;
        var person = context.Person;
        if (person.AadObjectId is null || turn.Activity.TenantId is not { } tenant || turn.Activity.Recipient?.Id is not { } botId)
        {
            return;
        }

        var language = person.MessageLanguage();
        var text = form.Text(language);
        var data = new JsonObject
        {
            ["periodLabel"] = text.PeriodLabel(context.Period),
            ["decisionText"] = text[context.Report!.Status == CheckInStatus.Adjusted ? "resultAdjusted" : "resultConfirmed"],
            ["leaderName"] = CardText.Plain(reviewer.FullName),
            ["score"] = view is { Score: { } score, RuleSet: { } ruleSet } ? text.Points(score.Total, ruleSet.Scale.TotalMax) : "—",
            ["level"] = text.LevelName(view.Level),
            ["changes"] = new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject { ["text"] = CardText.Plain(c.Describe(text)) })]),
            ["comment"] = CardText.Plain(input.Comment),
            ["remediation"] = LeaderReview.Remediation(input.Remediation),
            ["review"] = text.Format("resultReview", CardText.Plain(reviewer.FullName), TextTable.Date(ComplaintOptions.LastDay(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(turn.Now, context.Zone).DateTime), complaints.Value.PeriodResultDays))),
        };
        var card = templates.Render("checkin-result", data, language);
        var recipient = new ProactiveRecipient(person.AadObjectId, tenant, botId, turn.ServiceUrl, person.Id, context.Period);
        await outbox.EnqueueToPersonAsync($"checkin.result:{context.Report.Id}", "checkin.result", recipient, TurnContext.CardMessage(card), cancellationToken, turn.Now);
    }
}
