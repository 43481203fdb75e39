using EvalBot.Features.Organisation;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>The kind a CSV file's name or the message next to it names.</summary>
public sealed class ImportKindsTests
{
    [Theory]
    [InlineData("people", ImportKind.People)]
    [InlineData("targets-2026", ImportKind.Targets)]
    [InlineData("Nghỉ phép quý 1", ImportKind.Leave)]
    [InlineData("danh sách người", ImportKind.People)]
    [InlineData("Cán bộ", ImportKind.People)]
    [InlineData("VI_TRI_VIEC_LAM", ImportKind.Posts)]
    [InlineData("phiếu tín nhiệm 2026", ImportKind.Votes)]
    [InlineData("ket-luan", ImportKind.Findings)]
    public void Finds_the_one_kind_a_name_or_message_names(string text, ImportKind expected) =>
        Assert.Equal(expected, ImportKinds.Find(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("danh-sach-2026")]
    [InlineData("sản phẩm của cán bộ")]
    [InlineData("units and people")]
    public void Finds_nothing_when_no_kind_or_two_kinds_are_named(string? text) =>
        Assert.Null(ImportKinds.Find(text));

    [Fact]
    public void Reads_only_the_first_words_of_a_long_message()
    {
        var text = string.Join(' ', Enumerable.Repeat("xin chào", 100)) + " people";

        Assert.Null(ImportKinds.Find(text));
    }
}
