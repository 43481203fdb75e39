using EvalBot.Features.PeerFeedback;

namespace EvalBot.Tests.Features.PeerFeedback;

public sealed class FeedbackOptionsTests
{
    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(2, 0, true)]
    [InlineData(3, 0.5, false)]
    [InlineData(3, 0, true)]
    public void A_threshold_below_two_or_a_non_zero_points_weight_is_refused(int minAnswers, double weight, bool valid)
    {
        var result = new PeerFeedbackOptionsValidation().Validate(null, new PeerFeedbackOptions { MinAnswers = minAnswers, PointsWeight = (decimal)weight });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void The_app_refuses_to_start_with_a_threshold_of_one()
    {
        using var bot = new Support.EvalBotFactory(new Dictionary<string, string?> { ["PeerFeedback:MinAnswers"] = "1", ["Scheduling:Enabled"] = "false" });

        var error = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains("MinAnswers", error.ToString(), StringComparison.Ordinal);
    }
}
