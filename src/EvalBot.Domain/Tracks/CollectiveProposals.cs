using System.Globalization;
using EvalBot.Domain.Classification;
using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Tracks;

/// <summary>
/// Regulation 366 Art. 11 for a collective's annual report (Form 01): the band of its points (rule 7), then
/// <list type="number">
/// <item>the KHT grounds of a leadership collective (rule 14): a conclusion of wrongdoing in personnel work, disunity,
/// factions or buying posts; a member disciplined (reprimand or heavier) for a duty-related violation in the year; a member
/// found degraded in the year; the unit completing less than 70 % of the year's planned tasks;</item>
/// <item>the conditions of the higher levels (rule 16): HTXS needs 100 % of the tasks on time with quality, ≥ 30 % exceeded,
/// no member disciplined and 100 % of the previous review's shortcomings remedied, else at most HTT, saying what is missing;
/// HTT needs 100 % on time with quality and efficiency, else at most HT;</item>
/// <item>HT needs 100 % of the tasks done with at most 20 % behind schedule (rule 15); a collective meeting neither that nor a
/// KHT ground is left to the competent level, as the rules cannot decide.</item>
/// </list>
/// Every threshold is the rule-set's <see cref="CollectiveConditions"/>.
/// </summary>
public static class CollectiveProposals
{
    /// <summary>Proposes a level for a collective's <paramref name="general"/> + <paramref name="task"/> points and its year.</summary>
    public static PartyProposal Propose(decimal general, decimal task, RuleSet ruleSet, CollectiveYear year)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(year);
        var band = PartyProposals.Propose(general, task, ruleSet, null);
        if (band.Status != ClassificationStatus.Rated || band.Level is not { } level || ruleSet.Collective is not { } c) return band;
        if (year.Problems() is { Count: > 0 } problems)
        {
            return new PartyProposal(ClassificationStatus.Rejected, null, band.Total, [new RuleApplication("R15.collective-inputs", Source(ruleSet),
                [Inputs.Of("fields", string.Join(",", problems))], RuleEffect.Rejected, null,
                $"Số liệu nhiệm vụ của tập thể không hợp lệ: {string.Join(", ", problems)}.", $"The collective's task figures are invalid: {string.Join(", ", problems)}.")]);
        }

        var applications = new List<RuleApplication>(band.Applications);
        var grounds = year.Kind == CollectiveKind.Leadership ? Grounds(year, ruleSet, c) : [];
        applications.AddRange(grounds);
        if (grounds.Count > 0) return new PartyProposal(ClassificationStatus.Rated, Level.NotComplete, band.Total, applications);
        if (level == Level.NotComplete) return new PartyProposal(ClassificationStatus.Rated, level, band.Total, applications);
        var conditions = Conditions(year, ruleSet, c, level);
        applications.Add(conditions);
        return new PartyProposal(ClassificationStatus.Rated, conditions.Level ?? level, band.Total, applications);
    }

    /// <summary>Rule 14 for a leadership collective: each KHT ground found, in the order of Art. 11.</summary>
    private static List<RuleApplication> Grounds(CollectiveYear year, RuleSet ruleSet, CollectiveConditions c)
    {
        var found = new List<RuleApplication>();
        var inputs = TaskInputs(year);
        if (c.WrongdoingForcesNotComplete && year.Wrongdoing is { Length: > 0 } wrongdoing)
        {
            found.Add(Ground("R14.collective-wrongdoing", ruleSet, [.. inputs, Inputs.Of("wrongdoing", wrongdoing)],
                $"Có kết luận sai phạm trong công tác cán bộ, mất đoàn kết, bè phái hoặc chạy chức, chạy quyền ({wrongdoing})",
                $"A conclusion of wrongdoing in personnel work, disunity, factions or buying posts is recorded ({wrongdoing})"));
        }

        var sanctions = Sanctions(year, c);
        if (c.DisciplineForcesNotComplete && sanctions.Count > 0)
        {
            var dates = string.Join(", ", sanctions.Select(s => Date(s.DecisionDate)));
            found.Add(Ground("R14.collective-discipline", ruleSet, [.. inputs, Inputs.Of("sanctions", sanctions.Count)],
                $"{sanctions.Count} lượt thành viên tập thể bị kỷ luật từ khiển trách trở lên do vi phạm khi thực hiện nhiệm vụ trong năm (quyết định ngày {dates})",
                $"{sanctions.Count} sanction(s) of reprimand or heavier for a duty-related violation of a member in the year (decided on {dates})"));
        }

        var degradations = year.MemberDegradations.Where(f => f.Date.Year == year.Year).ToList();
        if (c.DegradationForcesNotComplete && degradations.Count > 0)
        {
            found.Add(Ground("R14.collective-degradation", ruleSet, [.. inputs, Inputs.Of("degradations", degradations.Count)],
                $"{degradations.Count} thành viên tập thể bị kết luận suy thoái trong năm",
                $"{degradations.Count} member(s) of the collective found degraded in the year"));
        }

        if (c.NotCompleteWhenCompletedBelowPercent is { } below && year.Tasks.DonePercent < below)
        {
            found.Add(Ground("R14.collective-unit-below", ruleSet, inputs,
                $"Chỉ hoàn thành {Fmt.Vi(year.Tasks.DonePercent)}% nhiệm vụ kế hoạch trong năm (dưới {Fmt.Vi(below)}%)",
                $"Only {Fmt.En(year.Tasks.DonePercent)}% of the year's planned tasks were done (under {Fmt.En(below)}%)"));
        }

        return found;
    }

    /// <summary>Rules 16 and 15: the best level at or below the band whose conditions the year meets, with what the higher ones miss.</summary>
    private static RuleApplication Conditions(CollectiveYear year, RuleSet ruleSet, CollectiveConditions c, Level band)
    {
        var missing = new List<(string Vi, string En)>();
        foreach (var level in new[] { Level.Excellent, Level.Good, Level.Complete }.Where(l => (int)l >= (int)band))
        {
            var gaps = Missing(year, c, level);
            if (gaps.Count == 0 && missing.Count == 0)
            {
                return new RuleApplication(RuleOf(level), Source(ruleSet), TaskInputs(year), RuleEffect.Info, null,
                    $"Tập thể đáp ứng các điều kiện của mức {level.NameVi()}.", $"The collective meets the conditions of {level.NameEn()}.");
            }

            if (gaps.Count == 0)
            {
                return new RuleApplication(RuleOf(band), Source(ruleSet), TaskInputs(year), RuleEffect.CapsLevel, level,
                    $"Chưa đủ điều kiện mức cao hơn ({Requirements.JoinVi(missing)}): tối đa {level.NameVi()}.",
                    $"The conditions of a higher level are not met ({Requirements.JoinEn(missing)}): at most {level.NameEn()}.");
            }

            missing.AddRange(gaps);
        }

        // Neither HT's conditions nor a KHT ground: the higher levels are out of reach, the rules cannot say more.
        return new RuleApplication("R15.collective-gap", Source(ruleSet), TaskInputs(year), RuleEffect.NeedsAuthorityDecision, Level.Complete,
            $"Tập thể không đạt điều kiện mức Hoàn thành nhiệm vụ ({Requirements.JoinVi(missing)}) và không thuộc trường hợp Không hoàn thành nhiệm vụ: đề xuất tối đa {Level.Complete.NameVi()}, cấp có thẩm quyền quyết định mức.",
            $"The collective meets neither the HT conditions ({Requirements.JoinEn(missing)}) nor a KHT ground: at most {Level.Complete.NameEn()} is proposed, the competent level decides the level.");
    }

    /// <summary>What the year misses for <paramref name="level"/>: the task shares, and for HTXS the remediation and the members' discipline.</summary>
    private static List<(string Vi, string En)> Missing(CollectiveYear year, CollectiveConditions c, Level level)
    {
        var requirement = level switch { Level.Excellent => c.Excellent, Level.Good => c.Good, _ => c.Complete };
        var missing = Requirements.Missing(requirement, year.Tasks.Summary);
        if (level != Level.Excellent) return missing;
        var remedied = year.ShortcomingsPointed == 0 ? 100m : 100m * year.ShortcomingsRemedied / year.ShortcomingsPointed;
        if (c.ExcellentMinRemediedPercent is { } min && remedied < min)
        {
            missing.Add(($"khắc phục {year.ShortcomingsRemedied}/{year.ShortcomingsPointed} hạn chế, khuyết điểm đã chỉ ra ({Fmt.Vi(remedied)}%, cần {Fmt.Vi(min)}%)",
                $"{year.ShortcomingsRemedied} of {year.ShortcomingsPointed} shortcomings pointed out remedied ({Fmt.En(remedied)}%, needs {Fmt.En(min)}%)"));
        }

        if (c.DisciplineBlocksExcellent && Sanctions(year, c).Count is > 0 and var n)
            missing.Add(($"{n} lượt thành viên bị kỷ luật trong năm", $"{n} member sanction(s) in the year"));
        return missing;
    }

    /// <summary>The members' sanctions decided in the year, reprimand or heavier, for a duty-related violation; one per violation.</summary>
    private static List<DisciplineRecord> Sanctions(CollectiveYear year, CollectiveConditions c) => [.. year.MemberSanctions
        .Where(d => d.DecisionDate.Year == year.Year && d.Severity >= c.MinimumSeverity && d.IsPublicServiceViolation)
        .GroupBy(d => d.ViolationId, StringComparer.Ordinal).Select(g => g.OrderBy(d => d.DecisionDate).First())
        .OrderBy(d => d.DecisionDate)];

    private static string RuleOf(Level level) => level switch
    {
        Level.Excellent => "R16.collective-excellent",
        Level.Good => "R16.collective-good",
        _ => "R15.collective-complete",
    };

    private static RuleApplication Ground(string id, RuleSet ruleSet, RuleInput[] inputs, string vi, string en) =>
        new(id, Source(ruleSet), inputs, RuleEffect.ForcesLevel, Level.NotComplete,
            $"{vi}: tập thể lãnh đạo Không hoàn thành nhiệm vụ, bất kể điểm số.", $"{en}: the leadership collective is KHT, whatever the points.");

    private static RuleInput[] TaskInputs(CollectiveYear y) =>
    [
        Inputs.Of("planned", y.Tasks.Planned), Inputs.Of("done", y.Tasks.Done), Inputs.Of("onTime", y.Tasks.OnTime),
        Inputs.Of("exceeded", y.Tasks.Exceeded), Inputs.Of("pointed", y.ShortcomingsPointed), Inputs.Of("remedied", y.ShortcomingsRemedied),
    ];

    private static string Source(RuleSet ruleSet) => $"{ruleSet.Id} ({ruleSet.LegalBasis})";

    private static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
