using System.Text.Json;
using EvalBot.Core;
using EvalBot.Domain;
using EvalBot.Domain.Explanations;

namespace EvalBot.Tests.Core;

public sealed class ExplanationsTests
{
    private static readonly RuleApplication Bands = new("R07.bands", "ND335 Điều 20", [new RuleInput("score", "92.5")], RuleEffect.SetsLevel, Level.Good,
        "Điểm 92,5 đạt mức Hoàn thành tốt nhiệm vụ.", "A score of 92.5 reaches Good.");

    /// <summary>The serializer's defaults, as explanations were stored before.</summary>
    private static readonly JsonSerializerOptions Earlier = new(JsonSerializerDefaults.Web);

    private static readonly RuleApplication Info = new("R01.rule-set", "ND335", [], RuleEffect.Info, null, "Áp dụng bộ quy tắc ND335.", "Rule-set ND335 applies.");

    [Fact]
    public void An_explanation_is_written_in_plain_Vietnamese_without_the_canonical_line_and_read_back_whole()
    {
        var json = Explanations.Serialize([Info, Bands]);

        Assert.Contains("Hoàn thành tốt nhiệm vụ", json, StringComparison.Ordinal);
        Assert.DoesNotContain("canonical", json, StringComparison.Ordinal);
        Assert.Equal([Info.Canonical, Bands.Canonical], Explanations.Read(json).Select(a => a.Canonical));
        Assert.Equal("Điểm 92,5 đạt mức Hoàn thành tốt nhiệm vụ.", Explanations.Why(json, "vi"));
        Assert.Equal("A score of 92.5 reaches Good.", Explanations.Why([Info, Bands], "en"));
    }

    [Fact]
    public void The_same_applications_stored_in_the_earlier_escaped_form_with_canonical_lines_are_the_same_explanation()
    {
        var json = Explanations.Serialize([Info, Bands]);
        var earlier = JsonSerializer.Serialize(new List<RuleApplication> { Info, Bands }, Earlier);

        Assert.Contains("\\u", earlier, StringComparison.Ordinal);
        Assert.Contains("canonical", earlier, StringComparison.Ordinal);
        Assert.True(Explanations.Same(earlier, json));
        Assert.True(Explanations.Same(json, json));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("[]")]
    public void A_missing_unreadable_or_different_stored_explanation_is_not_the_same(string? stored)
    {
        Assert.False(Explanations.Same(stored, Explanations.Serialize([Info, Bands])));
        Assert.False(Explanations.Same(Explanations.Serialize([Bands]), Explanations.Serialize([Info, Bands])));
    }
}
