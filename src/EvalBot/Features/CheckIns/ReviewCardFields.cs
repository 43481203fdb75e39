using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;

namespace EvalBot.Features.CheckIns;

/// <summary>
/// The per-product and per-criterion fields of the review card (<c>cards/checkin-review.json</c>): what was reported,
/// the value to decide (what the leader typed when the card comes back with errors, else what is stored), and each
/// field's error. With <paramref name="requireEvidence"/>, a product with completed work and no evidence shows as
/// unverified (rule 36).
/// </summary>
internal sealed class ReviewCardFields(TextTable text, IReadOnlyDictionary<string, string> errors, JsonObject? typed, ReviewDecision? decision, bool requireEvidence)
{
    public IReadOnlyDictionary<string, string> Errors => errors;

    /// <summary>A product: what the person reported and, once decided, the leader's figures when they differ; its fold is open when it has an error.</summary>
    public JsonObject Line(Target target, CheckInLine line)
    {
        var p = $"target.{target.Id}.";
        var now = new LineFigures(line.Done, line.QualityOk, line.OnTime);
        var reported = decision is not null && decision.Reported.TryGetValue(target.Id, out var before) ? before : now;
        return new JsonObject
        {
            ["id"] = target.Id.ToString(CultureInfo.InvariantCulture),
            ["title"] = CardText.Plain(target.Title),
            ["unit"] = CardText.Plain(target.UnitOfMeasure),
            ["assigned"] = text.Number(target.Quantity),
            ["deadline"] = TextTable.Date(target.Deadline),
            ["reported"] = Figures(reported),
            ["adjusted"] = reported != now,
            ["decidedFigures"] = Figures(now),
            ["open"] = errors.Keys.Any(k => k.StartsWith(p, StringComparison.Ordinal)),
            ["evidence"] = CardText.Plain(line.Evidence ?? "—"),
            ["unverified"] = requireEvidence && IsUnverified(line.Done, line),
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
    }

    /// <summary>
    /// A criterion with the points the person reported and, to decide, the points that count; its <c>summary</c> is the
    /// self-assessment, or once decided the points that count beside it.
    /// </summary>
    public JsonObject Criterion(GeneralCriterion criterion, decimal max, IReadOnlyDictionary<string, decimal> reported, IReadOnlyDictionary<string, decimal> counted)
    {
        var self = reported.TryGetValue(criterion.Id, out var s) ? text.Number(s) : "—";
        var value = counted.TryGetValue(criterion.Id, out var v) ? text.Number(v) : "";
        return new JsonObject
        {
            ["id"] = criterion.Id,
            ["name"] = text.Language == "en" ? criterion.NameEn : criterion.NameVi,
            ["max"] = text.Number(max),
            ["description"] = CardText.Plain((text.Language == "en" ? criterion.DescriptionEn : criterion.DescriptionVi) ?? ""),
            ["self"] = self,
            ["value"] = Typed("general." + criterion.Id, value),
            ["summary"] = decision is null ? text.Format("reviewCriterionSelf", self, text.Number(max)) : text.Format("reviewCriterionDecided", value.Length == 0 ? "—" : value, text.Number(max), self),
            ["error"] = errors.GetValueOrDefault("general." + criterion.Id, ""),
        };
    }

    /// <summary>Rule 36: completed work without evidence is unverified and cannot be confirmed.</summary>
    public static bool IsUnverified(decimal done, CheckInLine? line) => done > 0 && string.IsNullOrWhiteSpace(line?.Evidence);

    private string Figures(LineFigures figures) => $"{text.Number(figures.Done)} / {text.Number(figures.QualityOk)} / {text.Number(figures.OnTime)}";

    private string Typed(string key, string fallback) => typed is not null && JsonRead.Text(typed, key) is { } value ? value : fallback;
}
