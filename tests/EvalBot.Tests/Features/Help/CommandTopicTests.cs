using System.Text.RegularExpressions;
using System.Net.Http.Json;
using EvalBot.Conversation;
using EvalBot.Features.Help;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Help;

/// <summary>
/// Each feature owns the keywords of the command it starts and registers them as a <see cref="CommandTopic"/>; the help
/// card explains exactly those topics.
/// </summary>
public sealed class CommandTopicTests : IDisposable
{
    private readonly EvalBotFactory _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void Every_command_is_started_by_the_keywords_of_a_topic_its_feature_registered()
    {
        using var scope = _bot.Services.CreateScope();
        var topics = scope.ServiceProvider.GetServices<CommandTopic>().ToList();
        var commands = scope.ServiceProvider.GetServices<ICommandHandler>().ToList();

        Assert.Equal(14, commands.Count);
        foreach (var command in commands)
        {
            Assert.Contains(topics, t => t.Keywords.SequenceEqual(command.Keywords));
        }

        Assert.Equal(topics.Count, topics.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count());
        var keywords = topics.SelectMany(t => t.Keywords).Select(k => CommandText.Fold(k)).ToList();
        Assert.Equal(keywords.Count, keywords.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_registered_topic_has_its_section_on_the_help_card_and_nothing_else_does()
    {
        using var scope = _bot.Services.CreateScope();
        var keys = scope.ServiceProvider.GetServices<CommandTopic>().Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        var card = File.ReadAllText(Path.Combine(RepoPaths.Root, "cards", "help.json"));

        var onCard = Regex.Matches(card, "\"topic\"\\s*:\\s*\"([a-z]+)\"").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["board", "checkin", "classification", "dossier", "export", "feedback", "followups", "help", "party", "reviewmeeting", "reviewopinions", "selfassessment", "summary", "unit"], keys);
        Assert.Equal(keys, onCard);
    }

    [Theory]
    [InlineData("trợ giúp báo cáo", "vi", "checkin")]
    [InlineData("help unit", "en", "unit")]
    [InlineData("huong dan xep loai", "vi", "classification")]
    [InlineData("menu góp ý", "vi", "feedback")]
    [InlineData("trợ giúp tự đánh giá", "vi", "selfassessment")]
    [InlineData("help self-assessment", "en", "selfassessment")]
    [InlineData("trợ giúp họp đánh giá", "vi", "reviewmeeting")]
    [InlineData("help review meeting", "en", "reviewmeeting")]
    [InlineData("trợ giúp ý kiến đánh giá", "vi", "reviewopinions")]
    [InlineData("help", "en", null)]
    public async Task Help_followed_by_a_command_opens_the_topic_its_feature_registered(string text, string locale, string? topic)
    {
        await using var teams = await FakeTeamsConnector.StartAsync();
        using var client = _bot.CreateClient();
        var activity = Activities.Message(teams.ServiceUrl, text, id: "msg-" + Guid.NewGuid().ToString("N"));
        activity["locale"] = locale;

        (await client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
        var call = await teams.NextAsync();

        var help = _bot.Services.GetRequiredService<HelpCard>();
        var expected = help.Render(locale, topic);
        Assert.Equal(topic is null, expected.ToJsonString() == help.Render(locale).ToJsonString());
        Assert.Equal(expected.ToJsonString(), call.Body!["attachments"]![0]!["content"]!.ToJsonString());
    }
}
