using EvalBot.Domain.Explanations;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Quota;

/// <summary>The cap arithmetic: which percentage applies, of what base, and how it is rounded.</summary>
internal static class QuotaCap
{
    /// <summary>Highest score first, then by person id, so the ranking never depends on input order.</summary>
    public static readonly IComparer<QuotaCandidate> Ranking = Comparer<QuotaCandidate>.Create((a, b) =>
    {
        var byScore = (b.Score ?? decimal.MinValue).CompareTo(a.Score ?? decimal.MinValue);
        return byScore != 0 ? byScore : string.CompareOrdinal(a.PersonId, b.PersonId);
    });

    public static decimal Percent(RuleSet r, QuotaExceptionDecision? exception, decimal? partyShare, List<RuleApplication> apps)
    {
        var q = r.Quota;
        if (q.Mode == QuotaMode.PartyShare)
        {
            if (exception?.SharePercent is { } allowed) return Note(apps, r, exception, allowed);
            return partyShare ?? throw new ArgumentException("The Party members' HTXS share is required for the ND90_48 quota.", nameof(partyShare));
        }

        if (exception is null) return q.Percent;
        if (q.ExceptionPercent is not { } ex) return q.Percent;
        return Note(apps, r, exception, ex);
    }

    public static QuotaScopeResult Scope(QuotaScope scope, string id, IReadOnlyList<QuotaCandidate> members, decimal percent, QuotaSettings q)
    {
        var good = members.Count(c => c.Level == Level.Good);
        var excellent = members.Where(c => c.Level == Level.Excellent).OrderBy(c => c, Ranking).ToList();
        var baseCount = q.Mode == QuotaMode.PartyShare ? members.Count
            : q.Base == QuotaBase.GoodAndExcellent ? good + excellent.Count : good;
        var raw = percent * baseCount / 100m;
        var cap = (int)(q.Rounding switch
        {
            QuotaRounding.Ceiling => Math.Ceiling(raw),
            QuotaRounding.Nearest => Math.Round(raw, MidpointRounding.AwayFromZero),
            _ => Math.Floor(raw),
        });
        return new QuotaScopeResult(scope, id, members.Count, good, excellent.Count, cap, [.. excellent.Skip(cap)]);
    }

    private static decimal Note(List<RuleApplication> apps, RuleSet r, QuotaExceptionDecision d, decimal percent)
    {
        apps.Add(new RuleApplication("R21.exception", r.Id, [Inputs.Of("decision", d.DecisionId), Inputs.Of("approvedBy", d.ApprovedBy), Inputs.Of("percent", percent)],
            RuleEffect.Info, null,
            $"Áp dụng tỷ lệ {Fmt.Vi(percent)}% theo quyết định {d.DecisionId} của {d.ApprovedBy} (đơn vị có thành tích nổi trội).",
            $"Share of {Fmt.En(percent)}% applied under decision {d.DecisionId} by {d.ApprovedBy} (outstanding unit)."));
        return percent;
    }
}
