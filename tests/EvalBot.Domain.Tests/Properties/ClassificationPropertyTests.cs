using CsCheck;
using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Properties;

public class ClassificationPropertyTests
{
    private static readonly Gen<decimal[]> Scores = Gen.Int[0, 10000].Select(i => i / 100m).Array[1, 12];

    private static PersonYear Input(decimal[] scores, PeriodKind kind = PeriodKind.Month) =>
        Make.Year(Make.Person(party: true), [.. scores.Select((s, i) => Make.Scored(i + 1, s, kind))]) with { Tasks = Make.Tasks(exceeded: 4) };

    private static int Rank(ClassificationResult r) => r.Level is { } l ? (int)l : int.MaxValue;

    [Theory]
    [InlineData("ND335")]
    [InlineData("QD366")]
    public void The_level_never_rises_when_a_score_falls(string ruleSetId)
    {
        var ruleSet = Make.ById(ruleSetId);
        var kind = ruleSetId == "QD366" ? PeriodKind.Quarter : PeriodKind.Month;
        var scores = ruleSetId == "QD366" ? Gen.Int[0, 10000].Select(i => i / 100m).Array[4] : Scores;
        Gen.Select(scores, Gen.Int[0, 11], Gen.Int[1, 10000]).Sample((s, at, drop) =>
        {
            var lower = s.ToArray();
            var i = at % lower.Length;
            lower[i] = Math.Max(0m, lower[i] - (drop / 100m));
            var before = AnnualClassifier.Classify(Input(s, kind), ruleSet);
            var after = AnnualClassifier.Classify(Input(lower, kind), ruleSet);
            Assert.Equal(ClassificationStatus.Rated, after.Status);
            Assert.True(Rank(after) >= Rank(before), $"{before.Level} → {after.Level}");
        });
    }

    [Theory]
    [InlineData("ND335")]
    [InlineData("QD366")]
    public void The_level_never_rises_when_a_disciplinary_record_is_added(string ruleSetId)
    {
        var ruleSet = Make.ById(ruleSetId);
        Gen.Select(Scores, Gen.Int[1, 7], Gen.Int[2025, 2027]).Sample((s, severity, year) =>
        {
            var input = Input(s);
            var disciplined = input with { Disciplines = [Make.Discipline("V", year, severity: (DisciplineSeverity)severity)] };
            var before = AnnualClassifier.Classify(input, ruleSet);
            var after = AnnualClassifier.Classify(disciplined, ruleSet);
            Assert.Equal(ClassificationStatus.Rated, after.Status);
            Assert.True(Rank(after) >= Rank(before), $"{before.Level} → {after.Level}");
        });
    }

    [Fact]
    public void Classification_is_deterministic_and_independent_of_input_order()
    {
        var disciplines = new[] { Make.Discipline("V2", 2026), Make.Discipline("V1", 2026, DisciplineKind.Party), Make.Discipline("V3", 2025) };
        Gen.Select(Scores, Gen.Int[0, 1000]).Sample((s, seed) =>
        {
            var input = Input(s) with { Disciplines = disciplines, Remediation = [new("B", "p1", new DateOnly(2026, 1, 1), RemediationStatus.InProgress), new("A", "p1", new DateOnly(2026, 1, 1), RemediationStatus.NotRemedied)] };
            var rng = new Random(seed);
            var shuffled = input with
            {
                Periods = [.. input.Periods.OrderBy(_ => rng.Next())],
                Disciplines = [.. input.Disciplines.OrderBy(_ => rng.Next())],
                Remediation = [.. input.Remediation.OrderBy(_ => rng.Next())],
            };
            foreach (var ruleSet in RuleSetCatalog.Defaults.RuleSets)
            {
                var a = AnnualClassifier.Classify(input, ruleSet);
                var b = AnnualClassifier.Classify(shuffled, ruleSet);
                Assert.Equal(a.Status, b.Status);
                Assert.Equal(a.Level, b.Level);
                Assert.Equal(a.Score, b.Score);
                Assert.Equal(a.Applications.Select(x => x.Canonical), b.Applications.Select(x => x.Canonical));
                Assert.Equal(a.CountedViolations, b.CountedViolations);
            }
        });
    }
}
