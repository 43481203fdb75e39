using EvalBot.Domain.RuleSets;
using EvalBot.Features.Classification;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Classification;

/// <summary>The result card names the legal text the person was rated under, not the rule-set's code.</summary>
public sealed class ResultCardTests : IDisposable
{
    private readonly EvalBotFactory _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("ND335", null, "Nghị định 335/2025/NĐ-CP")]
    [InlineData("ND90_48", null, "Nghị định 90/2020/NĐ-CP")]
    [InlineData("ND335", "1999.9", "ND335 v1999.9")]
    public void The_rule_set_is_named_by_its_legal_text(string id, string? version, string expected)
    {
        using var scope = _bot.Services.CreateScope();
        var card = scope.ServiceProvider.GetRequiredService<ResultCard>();
        var row = new ClassificationRecord
        {
            PersonId = 1, Year = 2026, State = ClassificationState.Decided, Level = 1, Score = 85,
            RuleSetId = id, RuleSetVersion = version ?? RuleSetCatalog.Defaults.Find(id)!.Version,
        };

        var rendered = card.Render(row, new Person { ExternalId = "P1", FullName = "Nguyễn Văn A" }, "vi").Readable();

        Assert.Contains(expected, rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi", "đồng chí có thể gửi kiến nghị hoặc khiếu nại")]
    [InlineData("en", "you may send a written petition or complaint")]
    public void The_card_says_how_to_ask_for_a_review_of_the_result(string language, string expected)
    {
        using var scope = _bot.Services.CreateScope();
        var card = scope.ServiceProvider.GetRequiredService<ResultCard>();
        var row = new ClassificationRecord { PersonId = 1, Year = 2026, State = ClassificationState.Decided, Level = 1, Score = 85, RuleSetId = "ND335", RuleSetVersion = "1" };

        var rendered = card.Render(row, new Person { ExternalId = "P1", FullName = "Nguyễn Văn A" }, language).Readable();

        Assert.Contains(expected, rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi", "chậm nhất ngày 10/03/2027")]
    [InlineData("en", "by 10/03/2027 at the latest")]
    public void The_review_line_says_until_when_counted_from_the_decision_by_the_configured_days(string language, string expected)
    {
        using var scope = _bot.Services.CreateScope();
        var card = scope.ServiceProvider.GetRequiredService<ResultCard>();
        var row = new ClassificationRecord
        {
            PersonId = 1, Year = 2026, State = ClassificationState.Decided, Level = 1, Score = 85, RuleSetId = "ND335", RuleSetVersion = "1",
            DecidedAt = new DateTimeOffset(2026, 12, 10, 2, 30, 0, TimeSpan.Zero),
        };

        var rendered = card.Render(row, new Person { ExternalId = "P1", FullName = "Nguyễn Văn A" }, language).Readable();

        Assert.Contains(expected, rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void The_english_card_names_the_decree_in_english()
    {
        using var scope = _bot.Services.CreateScope();
        var card = scope.ServiceProvider.GetRequiredService<ResultCard>();
        var row = new ClassificationRecord { PersonId = 1, Year = 2026, State = ClassificationState.Decided, Level = 1, Score = 85, RuleSetId = "ND335", RuleSetVersion = RuleSetCatalog.Defaults.Find("ND335")!.Version };

        var rendered = card.Render(row, new Person { ExternalId = "P1", FullName = "Nguyễn Văn A" }, "en").Readable();

        Assert.Contains("Decree 335/2025/NĐ-CP", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("ND335 v", rendered, StringComparison.Ordinal);
    }
}
