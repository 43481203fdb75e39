using EvalBot.Domain;

namespace EvalBot.Domain.Tests;

public sealed class PeriodNamesTests
{
    [Theory]
    [InlineData("2026-Q2", "Quý 2/2026", "Q2 2026")]
    [InlineData("2026-03", "Tháng 3/2026", "March 2026")]
    [InlineData("2026-12", "Tháng 12/2026", "December 2026")]
    [InlineData("2026-H1", "6 tháng đầu năm 2026", "H1 2026")]
    [InlineData("2026-H2", "6 tháng cuối năm 2026", "H2 2026")]
    [InlineData("2026", "Năm 2026", "2026")]
    public void Names_every_kind_of_period_the_same_way_in_both_languages(string key, string vi, string en)
    {
        Assert.Equal(vi, PeriodNames.Vi(key));
        Assert.Equal(en, PeriodNames.En(key));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-13")]
    [InlineData("abc")]
    [InlineData("")]
    public void Leaves_an_unknown_key_as_it_is(string key) => Assert.Equal(key, PeriodNames.Vi(key));
}
