using System.Globalization;
using System.Text.Json.Nodes;
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
        var lines = new Dictionary<long, ReviewLine>();
        foreach (var target in context.Targets)
        {
            var p = $"target.{target.Id}.";
            var reported = context.LineFor(target.Id);
            var done = Amount(data, p + "done", reported?.Done ?? 0, target.Quantity, maxDoneMultiple, errors, text);
            var quality = Amount(data, p + "qualityOk", reported?.QualityOk ?? 0, target.Quantity, maxDoneMultiple, errors, text);
            var onTime = Amount(data, p + "onTime", reported?.OnTime ?? 0, target.Quantity, maxDoneMultiple, errors, text);
            if (quality > done)
            {
                errors[p + "qualityOk"] = text["checkinErrAboveDone"];
            }

            if (onTime > done)
            {
                errors[p + "onTime"] = text["checkinErrAboveDone"];
            }

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

            lines[target.Id] = new ReviewLine(done, quality, onTime, failed, delays, cause, document, reason);
        }

        var general = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (id, max) in criteria)
        {
            var value = CheckInInput.Number(JsonRead.Text(data, "general." + id) ?? "");
            if (value is null || value < 0 || value > max)
            {
                errors["general." + id] = text.Format("checkinErrRange", text.Number(max));
            }
            else
            {
                general[id] = value.Value;
            }
        }

        var remediationText = (JsonRead.Text(data, "remediation.new.text") ?? "").Trim();
        var dueText = (JsonRead.Text(data, "remediation.new.due") ?? "").Trim();
        NewRemediation? remediation = null;
        if (remediationText.Length > 0 || dueText.Length > 0)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            if (remediationText.Length is 0 or > 1000 || !DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) || due <= today)
            {
                errors["remediation"] = text["reviewErrRemediation"];
            }
            else
            {
                remediation = new NewRemediation(remediationText, due);
            }
        }

        var comment = (JsonRead.Text(data, "comment") ?? "").Trim();
        if (comment.Length > 2000)
        {
            errors["remediation"] = text.Format("checkinErrTooLong", 2000);
        }

        return new ReviewInput(lines, general, remediation, comment, errors);
    }

    private static decimal Amount(JsonObject data, string key, decimal reported, decimal assigned, decimal maxDoneMultiple, Dictionary<string, string> errors, TextTable text)
    {
        var typed = JsonRead.Text(data, key);
        if (typed is null || typed.Trim().Length == 0)
        {
            return reported;
        }

        var value = CheckInInput.Number(typed);
        if (value is null || value < 0 || value > Math.Max(1, assigned) * maxDoneMultiple)
        {
            errors[key] = value is null ? text["checkinErrNotNumber"] : value < 0 ? text["checkinErrNegative"] : text.Format("checkinErrTooLarge", text.Number(assigned));
            return reported;
        }

        return value.Value;
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
