using EvalBot.Domain.Calendar;
using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Classification;

/// <summary>
/// Rule 20 under Decree 335 (Art. 21): after a transfer in the year, the old unit's monthly or quarterly scores are part of
/// the annual average. Every period that ended before the move needs a score, confirmed here or sent by the old unit;
/// when one is missing the year is not averaged on the periods that remain: the competent level decides.
/// </summary>
public static class TransferRules
{
    /// <summary>Flags the person and returns true when a period before a transfer has no score.</summary>
    internal static bool Apply(PersonYear input, ClassificationTrace t)
    {
        var r = t.RuleSet;
        if (!r.TimeInYear.OldUnitScoresRequired) return false;
        var missing = Missing(input);
        if (missing.Count == 0) return false;
        var labels = missing.Select(p => p.Label).ToList();
        var from = string.Join(", ", input.Transfers.Where(x => x.Date.Year == input.Year).Select(x => x.FromUnitId).Distinct(StringComparer.Ordinal));
        t.Undecided(new RuleApplication("R20.old-unit-scores-missing", $"{r.Id} Điều 21",
            [Inputs.Of("missingPeriods", string.Join(", ", labels)), Inputs.Of("fromUnit", from)], RuleEffect.NeedsAuthorityDecision, null,
            $"Đã điều động từ đơn vị {from} trong năm nhưng thiếu điểm của {string.Join(", ", labels.Select(PeriodNames.Vi))} (không có kỳ được xác nhận, cũng chưa nhập điểm của đơn vị cũ): không tính điểm bình quân trên một phần năm; cần nhập điểm đơn vị cũ gửi sang, hoặc cấp có thẩm quyền quyết định.",
            $"Transferred from {from} in the year, but {string.Join(", ", labels.Select(PeriodNames.En))} ha{(labels.Count == 1 ? "s" : "ve")} no score (no confirmed period and no imported old-unit score): the year is not averaged on part of it; import the old unit's scores, or the competent authority must decide."));
        return true;
    }

    /// <summary>The periods (of the person's monitoring type) that ended before a transfer of the year and are not fully covered by a report.</summary>
    public static IReadOnlyList<Period> MissingBeforeTransfer(PersonYear input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Missing(input);
    }

    private static IReadOnlyList<Period> Missing(PersonYear input)
    {
        var moves = input.Transfers.Where(x => x.Date.Year == input.Year).ToList();
        if (moves.Count == 0) return [];
        var last = moves.Max(x => x.Date);
        var kind = input.MonitoringPeriodKind;
        var count = kind == PeriodKind.Quarter ? 4 : 12;
        var covered = new HashSet<int>();
        foreach (var p in input.Periods.Where(p => p.Period.Year == input.Year))
        {
            for (var m = p.Period.Start.Month; m <= p.Period.End.Month; m++) covered.Add(m);
        }

        return [.. Enumerable.Range(1, count).Select(i => new Period(input.Year, kind, i, "-"))
            .Where(p => p.End < last && (input.EmployedFrom is not { } hired || p.End >= hired) && Enumerable.Range(p.Start.Month, p.Months).Any(m => !covered.Contains(m)))];
    }
}
