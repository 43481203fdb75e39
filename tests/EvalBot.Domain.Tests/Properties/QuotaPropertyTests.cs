using CsCheck;
using EvalBot.Domain.Quota;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Properties;

public class QuotaPropertyTests
{
    private static readonly Gen<QuotaCandidate> Candidate =
        Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 1], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 10000])
            .Select((id, agency, group, level, score) => new QuotaCandidate($"p{id:0000}", $"A{agency}", $"G{group}", (Level)level, score / 100m));

    private static readonly Gen<List<QuotaCandidate>> Candidates =
        Candidate.List[0, 60].Select(l => l.DistinctBy(c => c.PersonId).ToList());

    [Theory]
    [InlineData("ND335", false)]
    [InlineData("ND335", true)]
    [InlineData("QD366", true)]
    public void A_finalisable_unit_never_exceeds_its_quota(string ruleSetId, bool withException)
    {
        var ruleSet = Make.ById(ruleSetId);
        var decision = withException ? new QuotaExceptionDecision("QĐ 1", "Bí thư", new DateOnly(2026, 12, 1)) : null;
        var percent = withException ? ruleSet.Quota.ExceptionPercent!.Value : ruleSet.Quota.Percent;
        Candidates.Sample(list =>
        {
            var outcome = QuotaCheck.Check(list, ruleSet, decision);
            if (!outcome.CanFinalise)
            {
                Assert.NotEmpty(outcome.Excess);
                return;
            }

            foreach (var scope in list.GroupBy(c => c.AgencyId).Concat(list.GroupBy(c => c.AgencyId + "/" + c.GroupId)))
            {
                var good = scope.Count(c => c.Level == Level.Good);
                var excellent = scope.Count(c => c.Level == Level.Excellent);
                Assert.True(excellent <= Math.Floor(percent * good / 100m), $"{scope.Key}: {excellent} HTXS for {good} HTT");
            }
        });
    }

    [Fact]
    public void The_quota_outcome_is_independent_of_input_order()
    {
        Gen.Select(Candidates, Gen.Int[0, 1000]).Sample((list, seed) =>
        {
            var rng = new Random(seed);
            var a = QuotaCheck.Check(list, Make.Nd335);
            var b = QuotaCheck.Check([.. list.OrderBy(_ => rng.Next())], Make.Nd335);
            Assert.Equal(a.CanFinalise, b.CanFinalise);
            Assert.Equal(a.Excess, b.Excess);
            Assert.Equal(a.Applications.Select(x => x.Canonical), b.Applications.Select(x => x.Canonical));
        });
    }
}
