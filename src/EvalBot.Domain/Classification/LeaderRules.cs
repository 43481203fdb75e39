using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Classification;

/// <summary>
/// Rules 14 and 17: a leader's level is tied to the unit they lead. Corruption, a unit far below plan, most
/// sub-units KHT or a majority of low-confidence votes force KHT; otherwise the unit conditions cap the level,
/// and a unit between the HT and KHT thresholds is flagged for the authority.
/// </summary>
internal static class LeaderRules
{
    public static void Apply(PersonYear input, ClassificationTrace t)
    {
        if (!input.Person.IsLeader) return;
        var r = t.RuleSet;
        var l = r.Leader;
        var source = $"{r.Id} ({r.LegalBasis})";
        if (input.Unit is { } u)
        {
            RuleInput[] inputs = [Inputs.Of("completedPercent", u.TargetsCompletedPercent), Inputs.Of("exceededPercent", u.TargetsExceededPercent), Inputs.Of("onTimePercent", u.TargetsOnTimePercent), Inputs.Of("subUnits", u.SubUnitLevels.Count)];
            if (l.CorruptionForcesNotComplete && u.CorruptionHandled)
                t.Force(Ground("R14.corruption", source, inputs, "Đơn vị trực tiếp quản lý để xảy ra tham nhũng, lãng phí, tiêu cực và đã bị xử lý theo quy định", "A directly managed unit had corruption, waste or embezzlement handled under the law"));
            if (l.FailedSocioEconomicTargetsForcesNotComplete && u.FailedBasicSocioEconomicTargets)
                t.Force(Ground("R14.socio-economic", source, inputs, "Không hoàn thành các chỉ tiêu kinh tế - xã hội cơ bản", "The basic socio-economic targets were missed"));
            if (l.NotCompleteWhenCompletedBelowPercent is { } below && u.TargetsCompletedPercent < below)
                t.Force(Ground("R14.unit-below", source, inputs, $"Đơn vị chỉ hoàn thành {Fmt.Vi(u.TargetsCompletedPercent)}% chỉ tiêu, nhiệm vụ (dưới {Fmt.Vi(below)}%)", $"The unit completed only {Fmt.En(u.TargetsCompletedPercent)}% of its targets (under {Fmt.En(below)}%)"));
            var kht = 100m - Requirements.Share(u.SubUnitLevels, Level.Complete);
            if (l.NotCompleteWhenSubUnitsNotCompleteAbovePercent is { } above && kht > above)
                t.Force(Ground("R14.sub-units", source, inputs, $"{Fmt.Vi(kht)}% đơn vị thuộc phạm vi phụ trách bị xếp loại Không hoàn thành nhiệm vụ (trên {Fmt.Vi(above)}%)", $"{Fmt.En(kht)}% of the units under the leader were rated KHT (over {Fmt.En(above)}%)"));
        }

        Votes(input, t, source);
        if (!l.UnitConditionsApply) return;
        if (input.Unit is not { } unit)
        {
            t.Undecided(new RuleApplication("R17.unit-missing", source, [], RuleEffect.NeedsAuthorityDecision, null,
                "Thiếu kết quả của đơn vị do người lãnh đạo phụ trách; cần cấp có thẩm quyền quyết định.",
                "The results of the leader's unit are missing; the competent authority must decide."));
            return;
        }

        var higher = new List<(Level Level, List<(string Vi, string En)> Missing)>();
        foreach (var (level, req) in new[] { (Level.Excellent, l.Excellent), (Level.Good, l.Good), (Level.Complete, l.Complete) })
        {
            var missing = Requirements.Missing(req, unit);
            if (missing.Count == 0)
            {
                var why = higher.Count == 0 ? "" : $" {Requirements.ByLevelVi(higher)}.";
                var whyEn = higher.Count == 0 ? "" : $" {Requirements.ByLevelEn(higher)}.";
                t.Limit(level, new RuleApplication("R17.unit-conditions", source, [Inputs.Of("completedPercent", unit.TargetsCompletedPercent)], RuleEffect.CapsLevel, level,
                    $"Kết quả đơn vị cho phép người lãnh đạo tối đa {level.NameVi()}.{why}",
                    $"The unit's results allow the leader at most {level.NameEn()}.{whyEn}"));
                return;
            }

            higher.Add((level, missing));
        }

        t.Undecided(new RuleApplication("R17.gap", source, [Inputs.Of("completedPercent", unit.TargetsCompletedPercent)], RuleEffect.NeedsAuthorityDecision, null,
            $"Kết quả đơn vị không đạt điều kiện mức Hoàn thành nhiệm vụ nhưng cũng không thuộc trường hợp Không hoàn thành nhiệm vụ; quy định không xác định được mức, cần cấp có thẩm quyền quyết định. {Requirements.ByLevelVi(higher)}.",
            $"The unit's results meet neither the HT conditions nor a KHT ground; the rules cannot decide, the competent authority must. {Requirements.ByLevelEn(higher)}."));
    }

    private static void Votes(PersonYear input, ClassificationTrace t, string source)
    {
        var l = t.RuleSet.Leader;
        if (l.NotCompleteWhenLowConfidenceAbovePercent is not { } limit) return;
        foreach (var v in input.ConfidenceVotes.Where(v => v.Date.Year == input.Year).OrderBy(v => v.Date))
        {
            RuleInput[] inputs = [Inputs.Of("low", v.Low), Inputs.Of("validBallots", v.ValidBallots), Inputs.Of("present", v.Present), Inputs.Of("convened", v.Convened)];
            var quorum = (long)v.Present * l.VoteQuorumDenominator >= (long)v.Convened * l.VoteQuorumNumerator;
            if (!quorum || v.ValidBallots == 0)
            {
                t.Add(new RuleApplication("R14.vote-invalid", source, inputs, RuleEffect.Info, null,
                    "Hội nghị lấy phiếu tín nhiệm không đủ số người tham dự theo quy định; kết quả không được sử dụng.",
                    "The confidence vote lacked the required attendance; its result is not used."));
                continue;
            }

            var share = 100m * v.Low / v.ValidBallots;
            if (share > limit)
                t.Force(Ground("R14.low-confidence", source, inputs, $"{Fmt.Vi(share)}% phiếu tín nhiệm thấp (trên {Fmt.Vi(limit)}%)", $"{Fmt.En(share)}% low-confidence ballots (over {Fmt.En(limit)}%)"));
        }
    }

    private static RuleApplication Ground(string id, string source, IReadOnlyList<RuleInput> inputs, string vi, string en) =>
        new(id, source, inputs, RuleEffect.ForcesLevel, Level.NotComplete, $"{vi}: Không hoàn thành nhiệm vụ.", $"{en}: not complete.");
}
