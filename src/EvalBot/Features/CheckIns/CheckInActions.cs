using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Auditing;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.CheckIns;

/// <summary>
/// <c>checkin.save</c> (draft) and <c>checkin.submit</c>. Who reports is the activity's sender; the card data only says
/// which period. Invalid input comes back as the same card with the errors next to the fields and nothing stored.
/// Each submit is a new version; an identical resubmission (a double click) is not.
/// </summary>
public sealed class CheckInActions(
    CheckInRepository repository,
    CheckInForm form,
    CheckInViews views,
    LeaderReview review,
    AuditLog audit,
    IOptions<CheckInOptions> options) : ICardActionHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["checkin.save", "checkin.submit"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var person = await turn.SenderAsync(cancellationToken);
        var language = turn.Language;
        var text = form.Text(language);
        if (person is null)
        {
            return InvokeResponse.Message(text["checkinErrNoPerson"]);
        }

        var period = JsonRead.Text(action.Data, "period") ?? "";
        if (!PeriodKey.IsValid(period))
        {
            return InvokeResponse.Message(text["checkinErrNotYours"]);
        }

        var context = await repository.LoadAsync(person, period, cancellationToken);
        var criteria = views.Criteria(context);
        if (!context.IsOpenAt(turn.Now))
        {
            return InvokeResponse.Card(form.Render(views.Of(context, turn.Now, criteria), language, text.Format("checkinErrPeriodClosed", text.PeriodLabel(period))));
        }

        var submit = action.Verb == "checkin.submit";
        var values = CheckInInput.Read(action.Data);
        var validation = new CheckInValidator(options.Value, text).Validate(context, values, [.. criteria.Select(c => (c.Criterion.Id, c.Max))], submit);
        if (!validation.IsValid)
        {
            return InvokeResponse.Card(form.Render(views.Of(context, turn.Now, criteria), language, null, values, validation));
        }

        var before = (context.Report?.Id, context.Report?.Status);
        var report = Store(context, validation, values.SelfCriticism.Trim(), submit, turn);
        // The same figures submitted again (a double click, a redelivery through another instance) change nothing to review.
        var unchanged = before.Id == report.Id && before.Status == CheckInStatus.Submitted;
        ApplyRemediation(context, validation, turn);
        // The one view of the turn: the points just validated are the ones stored, so they are not read back from the report.
        var view = views.Of(context with { Report = report }, turn.Now, criteria, reported: validation.General);
        report.Score = view.Score?.Total;
        audit.Record(turn.UserAadObjectId!, submit ? "checkin.submit" : "checkin.save", "CheckInReport", $"{person.ExternalId}/{period}/v{report.Version}", new { report.Score, lines = validation.Lines.Count }, at: turn.Now);

        if (submit)
        {
            await turn.Db.SaveChangesAsync(cancellationToken);
            if (!unchanged)
            {
                await review.NotifyLeaderAsync(turn, view, cancellationToken);
            }
        }

        var notice = submit ? text.Format("checkinNoticeSubmitted", report.Version) : text["checkinNoticeSaved"];
        return InvokeResponse.Card(form.Render(view, language, notice));
    }

    private static CheckInReport Store(CheckInContext context, CheckInValidation validation, string selfCriticism, bool submit, TurnContext turn)
    {
        var current = context.Report;
        var generalJson = JsonSerializer.Serialize(validation.General.OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary());
        if (submit && current is { Status: CheckInStatus.Submitted } && SameContent(current, validation, generalJson, selfCriticism))
        {
            // A double click or a resubmission of the same figures: one version, not two.
            return current;
        }

        CheckInReport report;
        if (current is { Status: CheckInStatus.Draft })
        {
            report = current;
        }
        else
        {
            if (current is not null)
            {
                current.IsCurrent = false;
            }

            report = new CheckInReport
            {
                PersonId = context.Person.Id,
                Period = context.Period,
                Version = (current?.Version ?? 0) + 1,
                CreatedAt = turn.Now,
            };
            turn.Db.CheckInReports.Add(report);
        }

        report.Status = submit ? CheckInStatus.Submitted : CheckInStatus.Draft;
        report.SubmittedAt = submit ? turn.Now : null;
        report.SelfCriticism = selfCriticism.Length == 0 ? null : selfCriticism;
        report.GeneralJson = generalJson;
        foreach (var line in validation.Lines)
        {
            var row = report.Lines.FirstOrDefault(l => l.TargetId == line.TargetId);
            if (row is null)
            {
                row = new CheckInLine { TargetId = line.TargetId };
                report.Lines.Add(row);
            }

            row.Done = line.Done;
            row.QualityOk = line.QualityOk;
            row.OnTime = line.OnTime;
            row.Evidence = line.Evidence;
        }

        return report;
    }

    private static bool SameContent(CheckInReport report, CheckInValidation validation, string generalJson, string selfCriticism) =>
        report.GeneralJson == generalJson
        && (report.SelfCriticism ?? "") == selfCriticism
        && validation.Lines.All(l => report.Lines.Any(r => r.TargetId == l.TargetId && r.Done == l.Done && r.QualityOk == l.QualityOk && r.OnTime == l.OnTime && r.Evidence == l.Evidence));

    private void ApplyRemediation(CheckInContext context, CheckInValidation validation, TurnContext turn)
    {
        foreach (var item in context.Remediation)
        {
            if (validation.Remediation.TryGetValue(item.Id, out var update) && (update.Status != item.Status || update.Progress != item.ProgressPercent))
            {
                audit.Record(turn.UserAadObjectId!, "remediation.update", "RemediationItem", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { from = item.Status, to = update.Status, progress = update.Progress }, at: turn.Now);
                item.Status = update.Status;
                item.ProgressPercent = update.Progress;
                item.UpdatedAt = turn.Now;
            }
        }
    }
}
