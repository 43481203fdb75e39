using EvalBot.Domain.Classification;
using EvalBot.Domain.Scoring;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Scoring;

public class ScoreBoundsTests
{
    [Theory]
    [InlineData(30, 70, true)]
    [InlineData(0, 0, true)]
    [InlineData(30.01, 70, false)]
    [InlineData(30, 70.01, false)]
    [InlineData(-0.01, 50, false)]
    [InlineData(20, -1, false)]
    public void Rule04_general_0_to_30_and_task_0_to_70_anything_else_is_rejected(decimal general, decimal task, bool valid)
    {
        Assert.Equal(valid, ScoreBounds.Check(general, task, Make.Nd335).Count == 0);
    }

    [Theory]
    [InlineData(20, 80, true)]
    [InlineData(20.5, 79.5, false)]
    [InlineData(25, 70, false)]
    public void Rule04_an_overlay_scale_of_20_80_moves_the_bounds(decimal general, decimal task, bool valid)
    {
        var hp = Make.Nd90 with { Scale = new(UsesPoints: true, GeneralMax: 20m, TaskMax: 80m, TotalMax: 100m) };

        Assert.Equal(valid, ScoreBounds.Check(general, task, hp).Count == 0);
    }

    [Theory]
    [InlineData(30, ClassificationStatus.Rated)]
    [InlineData(30.5, ClassificationStatus.Rejected)]
    [InlineData(-1, ClassificationStatus.Rejected)]
    public void Rule04_a_period_with_general_points_out_of_bounds_rejects_the_classification(decimal general, ClassificationStatus expected)
    {
        var periods = Make.Months(80m).Select((p, i) => i == 0 ? p with { GeneralScore = general } : p).ToList();

        var result = AnnualClassifier.Classify(Make.Year(Make.Person(), periods), Make.Nd335);

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData(new[] { 5, 5 }, 10, true)]
    [InlineData(new[] { 5, 6 }, 10, false)]
    [InlineData(new[] { 15, 20 }, 30, false)]
    public void Rule04_general_criteria_items_stay_within_their_own_and_the_total_maximum(int[] points, int max, bool valid)
    {
        var items = points.Select((p, i) => new CriterionScore("c" + i, p, 5 * (i + 1) > max ? max : 5 * (i + 1))).ToList();

        var (score, errors) = GeneralCriteriaScorer.Score(items, max);

        Assert.Equal(valid, errors.Count == 0);
        Assert.Equal(points.Sum(), score);
    }
}
