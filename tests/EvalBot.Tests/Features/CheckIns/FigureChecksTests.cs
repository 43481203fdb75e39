using EvalBot.Cards;
using EvalBot.Features.CheckIns;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Features.CheckIns;

/// <summary>The figure checks the check-in card and the review card share: one rule, one message, for both.</summary>
public sealed class FigureChecksTests
{
    private static readonly TextTable Text = new(new CardTemplates(RepoPaths.Cards), "en");

    [Theory]
    [InlineData("12", 12.0, null)]
    [InlineData("2,5", 2.5, null)]
    [InlineData("0", 0.0, null)]
    [InlineData("100", 100.0, null)]
    [InlineData("abc", null, "checkinErrNotNumber")]
    [InlineData("", null, "checkinErrNotNumber")]
    [InlineData("-1", null, "checkinErrNegative")]
    [InlineData("101", null, "checkinErrTooLarge")]
    public void An_amount_is_a_number_not_negative_and_at_most_ten_times_its_assignment(string typed, double? expected, string? error)
    {
        var errors = new Dictionary<string, string>();

        var value = new FigureChecks(Text, 10m, errors).Amount(typed, "target.1.done", 10m);

        Assert.Equal(expected is null ? null : (decimal)expected.Value, value);
        Assert.Equal(error is null ? null : Message(error), errors.GetValueOrDefault("target.1.done"));
    }

    [Fact]
    public void A_product_with_nothing_assigned_may_still_report_up_to_the_multiple_of_one()
    {
        var errors = new Dictionary<string, string>();
        var figures = new FigureChecks(Text, 10m, errors);

        Assert.Equal(10m, figures.Amount("10", "target.1.done", 0m));
        Assert.Null(figures.Amount("11", "target.1.done", 0m));
    }

    [Theory]
    [InlineData(5.0, 5.0, 5.0, false, false)]
    [InlineData(5.0, 6.0, 5.0, true, false)]
    [InlineData(5.0, 5.0, 6.0, false, true)]
    [InlineData(null, 6.0, 6.0, false, false)]
    public void Quality_and_on_time_stay_within_what_was_done(double? done, double? quality, double? onTime, bool qualityError, bool onTimeError)
    {
        var errors = new Dictionary<string, string>();

        new FigureChecks(Text, 10m, errors).WithinDone("target.1.", (decimal?)done, (decimal?)quality, (decimal?)onTime);

        Assert.Equal(qualityError, errors.ContainsKey("target.1.qualityOk"));
        Assert.Equal(onTimeError, errors.ContainsKey("target.1.onTime"));
        Assert.All(errors.Values, e => Assert.Equal(Text["checkinErrAboveDone"], e));
    }

    [Theory]
    [InlineData("9", 9.0)]
    [InlineData("10", 10.0)]
    [InlineData("0", 0.0)]
    [InlineData("10,5", null)]
    [InlineData("-1", null)]
    [InlineData("", null)]
    [InlineData("x", null)]
    public void A_criterions_points_lie_between_zero_and_its_maximum(string typed, double? expected)
    {
        var errors = new Dictionary<string, string>();

        var value = new FigureChecks(Text, 10m, errors).Points(typed, "politics", 10m);

        Assert.Equal(expected is null ? null : (decimal)expected.Value, value);
        Assert.Equal(expected is null ? Text.Format("checkinErrRange", Text.Number(10m)) : null, errors.GetValueOrDefault("general.politics"));
    }

    private static string Message(string key) => key == "checkinErrTooLarge" ? Text.Format(key, Text.Number(10m)) : Text[key];
}
