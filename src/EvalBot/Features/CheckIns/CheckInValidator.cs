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
        if (!IsOwn(context, values, criteria))
        {
            return new CheckInValidation(errors, text["checkinErrNotYours"], [], new Dictionary<string, decimal>(), new Dictionary<long, (RemediationItemStatus, int)>());
        }

        var figures = new FigureChecks(text, options.MaxDoneMultiple, errors);
        var lines = context.Targets.Select(t => Line(t, values.Targets.GetValueOrDefault(t.Id) ?? new TargetValues("", "", "", ""), submit, figures, errors)).ToList();
        var general = General(values, criteria, submit, figures);
        var remediation = Remediation(values, errors);
        if (values.SelfCriticism.Length > options.MaxTextLength)
        {
            errors["selfCriticism"] = text.Format("checkinErrTooLong", options.MaxTextLength);
        }

        return new CheckInValidation(errors, null, lines, general, remediation);
    }

    /// <summary>Whether every id on the card is this person's: their targets, their remediation items, the rule-set's criteria.</summary>
    private static bool IsOwn(CheckInContext context, CheckInValues values, IReadOnlyList<(string Id, decimal Max)> criteria)
    {
        var own = context.Targets.Select(t => t.Id).ToHashSet();
        var ownItems = context.Remediation.Select(r => r.Id).ToHashSet();
        return values.Targets.Keys.All(own.Contains)
            && values.Remediation.Keys.All(ownItems.Contains)
            && values.General.Keys.All(id => criteria.Any(c => c.Id == id));
    }

    private ParsedLine Line(Target target, TargetValues typed, bool submit, FigureChecks figures, Dictionary<string, string> errors)
    {
        var prefix = $"target.{target.Id}.";
        var done = Quantity(typed.Done, prefix + "done", target.Quantity, submit, figures);
        var quality = Quantity(typed.QualityOk, prefix + "qualityOk", target.Quantity, submit, figures);
        var onTime = Quantity(typed.OnTime, prefix + "onTime", target.Quantity, submit, figures);
        figures.WithinDone(prefix, done, quality, onTime);
        var evidence = typed.Evidence.Trim();
        if (evidence.Length > 500)
        {
            errors[prefix + "evidence"] = text.Format("checkinErrTooLong", 500);
        }
        else if (submit && options.RequireEvidence && done > 0 && evidence.Length == 0)
        {
            errors[prefix + "evidence"] = text["checkinErrEvidenceRequired"];
        }

        return new ParsedLine(target.Id, done ?? 0, quality ?? 0, onTime ?? 0, evidence.Length == 0 ? null : evidence);
    }

    /// <summary>A draft may leave an amount empty; a submission may not.</summary>
    private static decimal? Quantity(string typed, string key, decimal assigned, bool required, FigureChecks figures) =>
        typed.Trim().Length == 0 && !required ? null : figures.Amount(typed, key, assigned);

    private static Dictionary<string, decimal> General(CheckInValues values, IReadOnlyList<(string Id, decimal Max)> criteria, bool submit, FigureChecks figures)
    {
        var general = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (id, max) in criteria)
        {
            var typed = values.General.GetValueOrDefault(id) ?? "";
            if ((typed.Trim().Length > 0 || submit) && figures.Points(typed, id, max) is { } value)
            {
                general[id] = value;
            }
        }

        return general;
    }

    private Dictionary<long, (RemediationItemStatus Status, int Progress)> Remediation(CheckInValues values, Dictionary<string, string> errors)
    {
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

        return remediation;
    }
}
