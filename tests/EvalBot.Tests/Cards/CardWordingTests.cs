using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EvalBot.Tests.Cards;

/// <summary>
/// Words a person should not have to decode, on every rendered sample in both languages: periods by name, not by key;
/// rule-sets by legal title, not by code; deadlines labelled; result cards saying how to ask for a review.
/// </summary>
public sealed partial class CardWordingTests
{
    public static TheoryData<CardCase> Cases() => CardCases.Theory();

    /// <summary>What a reader sees: text blocks, facts and button titles (not the data a button sends, nor what an input holds: the key is what a user types).</summary>
    private static IEnumerable<string> Visible(JsonNode? node) => node switch
    {
        JsonObject o when ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true => [],
        JsonObject o when o.ContainsKey("data") && ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true =>
            [(string?)o["title"] ?? "", .. Visible(o["fallback"] is JsonObject f ? new JsonObject { ["title"] = (string?)f["title"] } : null)],
        JsonObject o => new[] { "text", "title", "value" }.Select(k => o[k] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()
            .Concat(o.Where(p => p.Key is not ("text" or "title" or "value" or "id" or "verb" or "data")).SelectMany(p => Visible(p.Value))),
        JsonArray a => a.SelectMany(Visible),
        _ => [],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_card_shows_a_period_key_or_a_rule_set_code(CardCase c)
    {
        var texts = Visible(CardCases.Render(c)).ToList();

        Assert.DoesNotContain(texts, t => PeriodKey().IsMatch(t));
        Assert.DoesNotContain(texts, t => RuleSetCode().IsMatch(t));
    }

    [Theory]
    [InlineData("checkin", "vi-VN", "Hạn báo cáo")]
    [InlineData("checkin", "en-US", "Report due")]
    [InlineData("checkin-escalation", "vi-VN", "Hạn báo cáo")]
    [InlineData("checkin-escalation", "en-US", "Report due")]
    public void A_deadline_says_what_it_is_the_deadline_of(string card, string locale, string label) =>
        Assert.Contains(label, Visible(CardCases.Render(new CardCase(card, card, locale))));

    [Theory]
    [InlineData("checkin-result")]
    [InlineData("checkin-result.confirmed")]
    [InlineData("classification-result")]
    [InlineData("classification-result.rerated")]
    public void Every_result_card_says_how_and_until_when_to_ask_for_a_review(string sample)
    {
        var texts = Visible(CardCases.Render(new CardCase(sample.Split('.')[0], sample, "vi-VN"))).ToList();

        Assert.Contains(texts, t => t.Contains("khiếu nại", StringComparison.Ordinal) && t.Contains("chậm nhất ngày", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b20\d\d-(Q[1-4]|H[12]|0[1-9]|1[0-2])\b")]
    private static partial Regex PeriodKey();

    [GeneratedRegex(@"\b(ND335|ND90_48|QD366)\b")]
    private static partial Regex RuleSetCode();
}
