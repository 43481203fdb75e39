using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Features.Help;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Help;

/// <summary>The help cards that depend only on language, topic and board membership are rendered once and handed out as copies.</summary>
public sealed class HelpCardTests : IDisposable
{
    private readonly EvalBotFactory _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("vi", null, false)]
    [InlineData("en", null, true)]
    [InlineData("vi", "checkin", false)]
    [InlineData("en", "board", true)]
    public void A_kept_card_is_the_template_rendered_now_and_a_change_to_one_copy_never_reaches_the_next(string language, string? topic, bool board)
    {
        var help = _bot.Services.GetRequiredService<HelpCard>();
        var templates = _bot.Services.GetRequiredService<CardTemplates>();
        var data = new JsonObject { ["isBoard"] = board };
        if (topic is not null)
        {
            data["topic"] = topic;
        }

        var fresh = templates.Render("help", data, language).ToJsonString();
        var first = help.Render(language, topic, board: board);
        Assert.Equal(fresh, first.ToJsonString());

        first["body"]!.AsArray().Clear();
        first["changed"] = true;
        Assert.Equal(fresh, help.Render(language, topic, board: board).ToJsonString());
    }

    [Fact]
    public void A_board_topic_asked_by_someone_off_the_board_gets_the_general_card_and_the_note_is_never_kept()
    {
        var help = _bot.Services.GetRequiredService<HelpCard>();

        Assert.Equal(help.Render("vi").ToJsonString(), help.Render("vi", "board", board: false).ToJsonString());
        var noted = help.Render("en", notUnderstood: "xyz-unknown").ToJsonString();
        Assert.Contains("xyz-unknown", noted, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz-unknown", help.Render("en").ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi", null, false)]
    [InlineData("en", "checkin", true)]
    public void The_kept_reply_is_the_card_message_serialized_once_and_a_note_is_never_kept(string language, string? topic, bool board)
    {
        var help = _bot.Services.GetRequiredService<HelpCard>();
        var expected = PreparedMessage.From(TurnContext.CardMessage(help.Render(language, topic, board: board))).Json;

        var first = help.Message(language, topic, board: board);
        Assert.Equal(expected, first.Json);
        Assert.Same(first, help.Message(language, topic, board: board));
        Assert.Equal("message", JsonNode.Parse(first.Json)?["type"]?.GetValue<string>());

        var noted = help.Message(language, topic: null, notUnderstood: "xyz-unknown", board);
        Assert.Contains("xyz-unknown", noted.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz-unknown", help.Message(language, board: board).Json, StringComparison.Ordinal);
    }
}
