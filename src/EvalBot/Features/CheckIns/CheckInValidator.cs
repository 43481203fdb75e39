using EvalBot.Persistence.Entities;

namespace EvalBot.Features.CheckIns;

/// <summary>The outcome of checking a check-in card: field errors keyed by input id, or the parsed report.</summary>
public sealed record CheckInValidation(
    IReadOnlyDictionary<string, string> Errors,
    string? FormError,
    IReadOnlyList<ParsedLine> Lines,
    IReadOnlyDictionary<string, decimal> General,
    IReadOnlyDictionary<long, (RemediationItemStatus Status, int Progress)> Remediation)
{
    public bool IsValid => Errors.Count == 0 && FormError is null;
}

/// <summary>
/// Checks a person's report: numbers finite and non-negative, quality and on-time within what was done, quantities
/// not absurdly above the assignment, evidence for completed work on submit, criteria within their maxima, texts
/// within limits. A draft may leave fields empty; a submission may not.
/// </summary>
public sealed class CheckInValidator(CheckInOptions options, TextTable text)
{
    public CheckInValidation Validate(CheckInContext context, CheckInValues values, IReadOnlyList<(string Id, decimal Max)> criteria, bool submit)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(criteria);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var own = context.Targets.Select(t => t.Id).ToHashSet();
        var ownItems = context.Remediation.Select(r => r.Id).ToHashSet();
        if (values.Targets.Keys.Any(id => !own.Contains(id)) || values.Remediation.Keys.Any(id => !ownItems.Contains(id)) || values.General.Keys.Any(id => criteria.All(c => c.Id != id)))
        {
            return new CheckInValidation(errors, text["checkinErrNotYours"], [], new Dictionary<string, decimal>(), new Dictionary<long, (RemediationItemStatus, int)>());
        }

        var lines = new List<ParsedLine>();
        foreach (var target in context.Targets)
        {
            var typed = values.Targets.GetValueOrDefault(target.Id) ?? new TargetValues("", "", "", "");
            var prefix = $"target.{target.Id}.";
            var done = Quantity(typed.Done, prefix + "done", target.Quantity, submit, errors);
            var quality = Quantity(typed.QualityOk, prefix + "qualityOk", target.Quantity, submit, errors);
            var onTime = Quantity(typed.OnTime, prefix + "onTime", target.Quantity, submit, errors);
            if (done is { } d && quality > d)
            {
                errors[prefix + "qualityOk"] = text["checkinErrAboveDone"];
            }

            if (done is { } d2 && onTime > d2)
            {
                errors[prefix + "onTime"] = text["checkinErrAboveDone"];
            }

            var evidence = typed.Evidence.Trim();
            if (evidence.Length > 500)
            {
                errors[prefix + "evidence"] = text.Format("checkinErrTooLong", 500);
            }
            else if (submit && options.RequireEvidence && done > 0 && evidence.Length == 0)
            {
                errors[prefix + "evidence"] = text["checkinErrEvidenceRequired"];
            }

            lines.Add(new ParsedLine(target.Id, done ?? 0, quality ?? 0, onTime ?? 0, evidence.Length == 0 ? null : evidence));
        }

        var general = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (id, max) in criteria)
        {
            var typed = values.General.GetValueOrDefault(id) ?? "";
            if (typed.Trim().Length == 0)
            {
                if (submit)
                {
                    errors["general." + id] = text.Format("checkinErrRange", text.Number(max));
                }

                continue;
            }

            var value = CheckInInput.Number(typed);
            if (value is null || value < 0 || value > max)
            {
                errors["general." + id] = text.Format("checkinErrRange", text.Number(max));
            }
            else
            {
                general[id] = value.Value;
            }
        }

        var remediation = new Dictionary<long, (RemediationItemStatus, int)>();
        foreach (var (id, typed) in values.Remediation)
        {
            var progress = typed.Progress.Trim().Length == 0 ? 0m : CheckInInput.Number(typed.Progress);
            if (!RemediationItemStatuses.TryParseReported(typed.Status, out var status))
            {
                errors[$"remediation.{id}"] = text["checkinErrStatus"];
            }
            else if (progress is null || progress < 0 || progress > 100 || progress != decimal.Truncate(progress.Value))
            {
                errors[$"remediation.{id}"] = text["checkinErrPercent"];
            }
            else
            {
                remediation[id] = (status, status == RemediationItemStatus.Remedied ? 100 : (int)progress.Value);
            }
        }

        if (values.SelfCriticism.Length > options.MaxTextLength)
        {
            errors["selfCriticism"] = text.Format("checkinErrTooLong", options.MaxTextLength);
        }

        return new CheckInValidation(errors, null, lines, general, remediation);
    }

    private decimal? Quantity(string typed, string key, decimal assigned, bool required, Dictionary<string, string> errors)
    {
        if (typed.Trim().Length == 0)
        {
            if (required)
            {
                errors[key] = text["checkinErrNotNumber"];
            }

            return null;
        }

        var value = CheckInInput.Number(typed);
        if (value is null)
        {
            errors[key] = text["checkinErrNotNumber"];
            return null;
        }

        if (value < 0)
        {
            errors[key] = text["checkinErrNegative"];
            return null;
        }

        if (value > Math.Max(1, assigned) * options.MaxDoneMultiple)
        {
            errors[key] = text.Format("checkinErrTooLarge", text.Number(assigned));
            return null;
        }

        return value;
    }
}
