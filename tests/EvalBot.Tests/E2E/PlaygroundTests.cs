using System.Text.Json.Nodes;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.E2E;

/// <summary>
/// End to end with a real Teams client: the Microsoft 365 Agents Playground talks to the bot over HTTP,
/// exactly as it does for a developer, and the bot answers through the Playground's connector.
/// </summary>
public sealed class PlaygroundTests : IAsyncLifetime
{
    private EvalBotFactory _bot = null!;
    private AgentsPlayground _playground = null!;

    public async Task InitializeAsync()
    {
        var botPort = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory();
        _bot.UseKestrel(botPort);
        _bot.StartServer();
        _playground = await AgentsPlayground.StartAsync($"http://127.0.0.1:{botPort}/api/messages");
    }

    public async Task DisposeAsync()
    {
        await _playground.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Install_help_and_a_card_action_work_through_the_Playground()
    {
        await _bot.InstallAsync(_playground);
        var welcome = await _playground.NextBotMessageAsync();
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)welcome["message"]!["attachments"]![0]!["contentType"]);

        await _playground.SendTextAsync("help");
        var help = await _playground.NextBotMessageAsync();
        var helpCard = help["message"]!["attachments"]![0]!["content"]!.AsObject();
        var cardMessageId = (string)help["message"]!["messageId"]!;
        var actions = Verbs(helpCard).ToList();
        Assert.Contains("help.show", actions);

        var answer = await _playground.ExecuteAsync(cardMessageId, "help.show", new JsonObject { ["topic"] = "checkin" });

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        // The Playground sends locale en-US, so the card is in English, opened on the check-in guide.
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cards, "strings", "en.json")))!;
        var guide = (string)english["cmdCheckinDetails"]!;
        Assert.DoesNotContain(guide, helpCard.Readable(), StringComparison.Ordinal);
        Assert.Contains(guide, answer["value"].Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", _playground.Log, StringComparison.Ordinal);
        Assert.Empty(_bot.Logs.Errors);
    }

    [Fact]
    public async Task Text_the_bot_does_not_understand_gets_the_help_card_not_silence()
    {
        await _playground.SendTextAsync("xin chào, hôm nay thế nào?");

        var reply = await _playground.NextBotMessageAsync();

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)reply["message"]!["attachments"]![0]!["contentType"]);
    }

    private static IEnumerable<string> Verbs(JsonNode? node) => node switch
    {
        JsonObject o => (o["verb"] is JsonValue v && v.TryGetValue<string>(out var verb) ? [verb] : Enumerable.Empty<string>())
            .Concat(o.SelectMany(p => Verbs(p.Value))),
        JsonArray a => a.SelectMany(Verbs),
        _ => [],
    };
}
