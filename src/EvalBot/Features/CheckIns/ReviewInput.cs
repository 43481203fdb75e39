using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;

namespace EvalBot.Features.CheckIns;

/// <summary>The leader's decision as typed on the review card, checked.</summary>
public sealed record ReviewInput(
    IReadOnlyDictionary<long, ReviewLine> Lines,
    IReadOnlyDictionary<string, decimal> General,
    NewRemediation? Remediation,
    string Comment,
    IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>
    /// Reads <c>target.{id}.done|qualityOk|onTime|failedChecks|delays|objectiveCause|objectiveCauseDocument|reason</c>,
    /// <c>general.{id}</c>, <c>remediation.new.text|due</c> and <c>comment</c>. A changed figure needs a reason; an
    /// objective cause needs its confirming document; a remediation item needs both text and a future due date.
    /// </summary>
    public static ReviewInput Parse(JsonObject data, CheckInContext context, IReadOnlyList<(string Id, decimal Max)> criteria, TextTable text, DateTimeOffset now, TimeZoneInfo zone, decimal maxDoneMultiple)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var figures = new FigureChecks(text, maxDoneMultiple, errors);
        var lines = new Dictionary<long, ReviewLine>();
        foreach (var target in context.Targets)
        {
            lines[target.Id] = Line(data, target, context.LineFor(target.Id), figures, text, errors);
        }

        var general = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (id, max) in criteria)
        {
            if (figures.Points(JsonRead.Text(data, "general." + id) ?? "", id, max) is { } value)
            {
                general[id] = value;
            }
        }

        var remediation = NewItem(data, now, zone, text, errors);
        var comment = (JsonRead.Text(data, "comment") ?? "").Trim();
        if (comment.Length > 2000)
        {
            errors["remediation"] = text.Format("checkinErrTooLong", 2000);
        }

        return new ReviewInput(lines, general, remediation, comment, errors);
    }

    private static ReviewLine Line(JsonObject data, Target target, CheckInLine? reported, FigureChecks figures, TextTable text, Dictionary<string, string> errors)
    {
        var p = $"target.{target.Id}.";
        var done = Amount(data, p + "done", reported?.Done ?? 0, target.Quantity, figures);
        var quality = Amount(data, p + "qualityOk", reported?.QualityOk ?? 0, target.Quantity, figures);
        var onTime = Amount(data, p + "onTime", reported?.OnTime ?? 0, target.Quantity, figures);
        figures.WithinDone(p, done, quality, onTime);
        var failed = Count(data, p + "failedChecks", errors, text);
        var delays = Count(data, p + "delays", errors, text);
        var cause = JsonRead.Flag(data[p + "objectiveCause"]) == true;
        var document = (JsonRead.Text(data, p + "objectiveCauseDocument") ?? "").Trim();
        var reason = (JsonRead.Text(data, p + "reason") ?? "").Trim();
        var changed = done != (reported?.Done ?? 0) || quality != (reported?.QualityOk ?? 0) || onTime != (reported?.OnTime ?? 0);
        if (cause && document.Length == 0)
        {
            errors[p + "objectiveCause"] = text["reviewErrObjectiveCause"];
        }

        if (changed && reason.Length == 0)
        {
            errors[p + "reason"] = text["reviewErrReasonRequired"];
        }

        if (reason.Length > 1000 || document.Length > 500)
        {
            errors[p + "reason"] = text.Format("checkinErrTooLong", 1000);
        }

        return new ReviewLine(done, quality, onTime, failed, delays, cause, document, reason);
    }

    /// <summary>An amount left empty stays as reported; a wrong one too, with its error.</summary>
    private static decimal Amount(JsonObject data, string key, decimal reported, decimal assigned, FigureChecks figures)
    {
        var typed = JsonRead.Text(data, key);
        return typed is null || typed.Trim().Length == 0 ? reported : figures.Amount(typed, key, assigned) ?? reported;
    }

    private static NewRemediation? NewItem(JsonObject data, DateTimeOffset now, TimeZoneInfo zone, TextTable text, Dictionary<string, string> errors)
    {
        var remediationText = (JsonRead.Text(data, "remediation.new.text") ?? "").Trim();
        var dueText = (JsonRead.Text(data, "remediation.new.due") ?? "").Trim();
        if (remediationText.Length == 0 && dueText.Length == 0)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (remediationText.Length is 0 or > 1000 || !DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) || due <= today)
        {
            errors["remediation"] = text["reviewErrRemediation"];
            return null;
        }

        return new NewRemediation(remediationText, due);
    }

    private static int Count(JsonObject data, string key, Dictionary<string, string> errors, TextTable text)
    {
        var typed = (JsonRead.Text(data, key) ?? "").Trim();
        if (typed.Length == 0)
        {
            return 0;
        }

        if (!int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 99)
        {
            errors[key] = text["checkinErrNotNumber"];
            return 0;
        }

        return value;
    }
}

public sealed record ReviewLine(decimal Done, decimal QualityOk, decimal OnTime, int FailedChecks, int Delays, bool ObjectiveCause, string Document, string Reason);

public sealed record NewRemediation(string Text, DateOnly Due);
