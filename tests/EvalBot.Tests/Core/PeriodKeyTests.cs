namespace EvalBot.Tests.Core;

public sealed class PeriodKeyTests
{
    [Theory]
    [InlineData("2026-Q1", 2026, 1, null)]
    [InlineData("2026-Q4", 2026, 4, null)]
    [InlineData("2025-03", 2025, null, 3)]
    [InlineData("2025-12", 2025, null, 12)]
    public void A_canonical_period_parses_and_writes_back_the_same_text(string text, int year, int? quarter, int? month)
    {
        Assert.True(PeriodKey.TryParse(text, out var key));

        Assert.Equal(year, key.Year);
        Assert.Equal(quarter, key.Quarter);
        Assert.Equal(month, key.Month);
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026")]
    [InlineData("2026-q1")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-3")]
    [InlineData(" 2026-Q1")]
    [InlineData("2026-Q1\n")]
    [InlineData("1999-Q1")]
    [InlineData("2026-Q1; DROP")]
    public void Anything_else_is_not_a_period(string? text)
    {
        Assert.False(PeriodKey.TryParse(text, out _));
        Assert.False(PeriodKey.IsValid(text));
    }

    [Theory]
    [InlineData("2026-Q1", 2026)]
    [InlineData("2026-03", 2026)]
    [InlineData("2026", 2026)]
    [InlineData("20", null)]
    [InlineData("abcd-Q1", null)]
    public void The_year_of_a_stored_period_is_read_in_one_place(string period, int? year)
    {
        Assert.Equal(year, PeriodKey.YearOf(period));
    }

    [Fact]
    public void Keys_of_the_same_text_are_equal()
    {
        Assert.True(PeriodKey.TryParse("2026-Q2", out var a));
        Assert.True(PeriodKey.TryParse("2026-Q2", out var b));
        Assert.True(PeriodKey.TryParse("2026-06", out var c));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
