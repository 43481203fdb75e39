using EvalBot.Cards;

namespace EvalBot.Tests.Cards;

public sealed class CardPageTests
{
    [Theory]
    [InlineData(0, 25, 1)]
    [InlineData(1, 25, 1)]
    [InlineData(25, 25, 1)]
    [InlineData(26, 25, 2)]
    [InlineData(400, 25, 16)]
    [InlineData(7, 1, 7)]
    public void Pages_cover_the_whole_list_once_and_in_order(int total, int size, int pages)
    {
        var all = Enumerable.Range(1, total).ToList();

        var walked = Enumerable.Range(1, pages).Select(n => CardPage.Of(all, n, size)).ToList();

        Assert.All(walked, p => Assert.Equal(pages, p.Count));
        Assert.Equal(all, walked.SelectMany(p => p.Items));
        Assert.All(walked, p => Assert.Equal(p.Offset, (p.Number - 1) * size));
        Assert.Equal(pages > 1, (bool)walked[0].ToJson("")["many"]!);
        Assert.False((bool)walked[0].ToJson("")["hasPrevious"]!);
        Assert.False((bool)walked[^1].ToJson("")["hasNext"]!);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    [InlineData(int.MaxValue, 4)]
    public void A_page_outside_the_list_gives_the_nearest_page(int? requested, int expected)
    {
        var page = CardPage.Of(Enumerable.Range(1, 100).ToList(), requested, 25);

        Assert.Equal(expected, page.Number);
        Assert.Equal(25, page.Items.Count);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("16", 16)]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("+3", null)]
    [InlineData(" 3", null)]
    [InlineData("1e3", null)]
    [InlineData("99999999999", null)]
    [InlineData("hai", null)]
    [InlineData(null, null)]
    public void A_requested_page_from_card_data_is_a_positive_number_or_nothing(string? value, int? expected) =>
        Assert.Equal(expected, CardPage.Requested(value));

    [Fact]
    public void The_pager_offers_previous_and_next_page_numbers()
    {
        var json = CardPage.Of(Enumerable.Range(1, 60).ToList(), 2, 25).ToJson("Trang 2/3");

        Assert.Equal("Trang 2/3", (string?)json["text"]);
        Assert.True((bool)json["hasPrevious"]!);
        Assert.Equal("1", (string?)json["previous"]);
        Assert.True((bool)json["hasNext"]!);
        Assert.Equal("3", (string?)json["next"]);
    }
}
