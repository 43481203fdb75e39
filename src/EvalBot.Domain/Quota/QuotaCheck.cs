using EvalBot.Domain.Explanations;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Quota;

/// <summary>
/// Rules 21–22: the HTXS quota, checked per agency and per group of similar tasks when a unit's ratings are
/// compiled. Over quota, the compile refuses to finalise and lists the excess ranked by score, so the authority
/// demotes or records an exception decision; nothing is demoted automatically.
/// </summary>
public static class QuotaCheck
{
    /// <summary>Checks the compiled levels. <paramref name="partyExcellentSharePercent"/> is the Party members' HTXS share (ND90_48 only).</summary>
    public static QuotaOutcome Check(
        IReadOnlyList<QuotaCandidate> candidates, RuleSet ruleSet, QuotaExceptionDecision? exception = null, decimal? partyExcellentSharePercent = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var q = ruleSet.Quota;
        var apps = new List<RuleApplication>();
        if (q.Mode == QuotaMode.None) return new QuotaOutcome(true, [], [], apps);

        var recorded = exception is { IsRecorded: true };
        if (exception is { IsRecorded: false })
        {
            apps.Add(new RuleApplication("R21.exception-invalid", ruleSet.Id, [], RuleEffect.Info, null,
                "Quyết định cho phép tỷ lệ cao hơn thiếu số quyết định hoặc người phê duyệt: không được tính.",
                "The exception decision lacks a number or an approver: it does not count."));
        }

        var percent = QuotaCap.Percent(ruleSet, recorded ? exception : null, partyExcellentSharePercent, apps);
        var scopes = new List<QuotaScopeResult>();
        if (q.PerAgency)
        {
            scopes.AddRange(candidates.GroupBy(c => c.AgencyId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => QuotaCap.Scope(QuotaScope.Agency, g.Key, [.. g], percent, q)));
        }

        if (q.PerGroup)
        {
            scopes.AddRange(candidates.GroupBy(c => c.AgencyId + "/" + c.GroupId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => QuotaCap.Scope(QuotaScope.Group, g.Key, [.. g], percent, q)));
        }

        var excess = scopes.SelectMany(s => s.Excess).DistinctBy(c => c.PersonId).OrderBy(c => c, QuotaCap.Ranking).ToList();
        foreach (var s in scopes)
        {
            var over = s.Excellent > s.Cap;
            var who = string.Join(", ", s.Excess.Select(c => c.PersonId));
            apps.Add(new RuleApplication(ruleSet.Quota.Mode == QuotaMode.PartyShare ? "R22.quota" : "R21.quota", $"{ruleSet.Id} ({ruleSet.LegalBasis})",
                [Inputs.Of("scope", s.ScopeId), Inputs.Of("staff", s.Staff), Inputs.Of("good", s.Good), Inputs.Of("excellent", s.Excellent), Inputs.Of("cap", s.Cap), Inputs.Of("percent", percent)],
                RuleEffect.Quota, null,
                over
                    ? $"{s.ScopeId}: {s.Excellent} người Hoàn thành xuất sắc vượt mức tối đa {s.Cap}; chưa thể hoàn tất. Vượt: {who}. Cần cấp có thẩm quyền hạ mức hoặc ghi nhận quyết định cho phép."
                    : $"{s.ScopeId}: {s.Excellent} người Hoàn thành xuất sắc, trong mức tối đa {s.Cap}.",
                over
                    ? $"{s.ScopeId}: {s.Excellent} rated HTXS exceeds the cap of {s.Cap}; cannot finalise. Over the cap: {who}. The authority must demote or record an exception decision."
                    : $"{s.ScopeId}: {s.Excellent} rated HTXS, within the cap of {s.Cap}."));
        }

        return new QuotaOutcome(scopes.All(s => s.Excellent <= s.Cap), scopes, excess, apps);
    }
}
