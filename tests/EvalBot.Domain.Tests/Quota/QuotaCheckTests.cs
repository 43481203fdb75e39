using EvalBot.Domain.Quota;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Quota;

public class QuotaCheckTests
{
    private static readonly QuotaExceptionDecision Exception = new("QĐ 15/QĐ-UBND", "Chủ tịch UBND", new DateOnly(2026, 12, 1));

    private static List<QuotaCandidate> Unit(int good, int excellent, string group = "G1", string agency = "A1", int offset = 0) =>
    [
        .. Enumerable.Range(0, good).Select(i => new QuotaCandidate($"{group}-htt{i + offset:00}", agency, group, Level.Good, 80m)),
        .. Enumerable.Range(0, excellent).Select(i => new QuotaCandidate($"{group}-htxs{i + offset:00}", agency, group, Level.Excellent, 95m - i)),
    ];

    [Theory]
    [InlineData(10, 3, false, false, 2)]
    [InlineData(10, 3, true, false, 2)]
    [InlineData(12, 3, true, true, 3)]
    [InlineData(12, 3, false, false, 2)]
    [InlineData(10, 2, false, true, 2)]
    [InlineData(4, 1, false, false, 0)]
    [InlineData(0, 0, false, true, 0)]
    public void Rule21_HTXS_at_most_20_percent_of_HTT_rounded_down_25_percent_only_with_a_recorded_exception(int good, int excellent, bool withException, bool canFinalise, int cap)
    {
        var outcome = QuotaCheck.Check(Unit(good, excellent), Make.Nd335, withException ? Exception : null);

        Assert.Equal(canFinalise, outcome.CanFinalise);
        Assert.All(outcome.Scopes, s => Assert.Equal(cap, s.Cap));
        Assert.Equal(Math.Max(0, excellent - cap), outcome.Excess.Count);
    }

    [Theory]
    [InlineData("QD366")]
    [InlineData("ND335")]
    public void Rule21_the_excess_is_listed_ranked_by_score_and_a_group_over_quota_blocks_even_when_the_agency_is_within(string ruleSet)
    {
        var candidates = Unit(10, 3, "G1").Concat(Unit(20, 0, "G2")).ToList();

        var outcome = QuotaCheck.Check(candidates, Make.ById(ruleSet));

        Assert.False(outcome.CanFinalise);
        Assert.Contains(outcome.Scopes, s => s.Scope == QuotaScope.Agency && s.Excellent <= s.Cap);
        Assert.Equal(["G1-htxs02"], outcome.Excess.Select(c => c.PersonId));
        Assert.Contains(outcome.Applications, a => a.TextVi.Contains("G1-htxs02", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Chủ tịch")]
    [InlineData("QĐ 15", "")]
    public void Rule21_an_exception_without_a_decision_number_or_approver_does_not_count(string id, string approver)
    {
        var outcome = QuotaCheck.Check(Unit(12, 3), Make.Nd335, new QuotaExceptionDecision(id, approver, new DateOnly(2026, 12, 1)));

        Assert.False(outcome.CanFinalise);
    }

    [Theory]
    [InlineData(10, 2, 20, null, true)]
    [InlineData(10, 3, 20, null, false)]
    [InlineData(10, 3, 30, null, true)]
    [InlineData(10, 3, 20, 30, true)]
    public void Rule22_ND90_48_HTXS_share_of_the_group_at_most_the_party_members_share_unless_the_authority_decided(int good, int excellent, decimal partyShare, int? allowedShare, bool canFinalise)
    {
        var candidates = Unit(good - excellent, excellent);
        var decision = allowedShare is { } s ? Exception with { SharePercent = s } : null;

        var outcome = QuotaCheck.Check(candidates, Make.Nd90, decision, partyShare);

        Assert.Equal(canFinalise, outcome.CanFinalise);
    }

    [Fact]
    public void Rule21_quota_base_and_rounding_are_configurable()
    {
        var lenient = Make.Nd335 with { Quota = Make.Nd335.Quota with { Base = QuotaBase.GoodAndExcellent, Rounding = QuotaRounding.Ceiling } };

        Assert.True(QuotaCheck.Check(Unit(10, 3), lenient).CanFinalise);
    }
}
