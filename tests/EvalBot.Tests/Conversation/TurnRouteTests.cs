using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Conversation;
using EvalBot.Protocol;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Conversation;

/// <summary>
/// Each activity's route, decided once from the activity and the app's handlers: the kind of work, what was parsed
/// from it, and the two things the turn needs before routing (may it read before taking the writer, is its answer kept).
/// </summary>
public sealed class TurnRouteTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.example/teams/";
    private EvalBotFactory _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new EvalBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public static TheoryData<string, JsonObject, TurnRouteKind, string?, string, bool, bool> Activities_and_their_routes => new()
    {
        { "help in Vietnamese", Activities.Message(ServiceUrl, "trợ giúp"), TurnRouteKind.Command, "trợ giúp", "", true, false },
        { "a summary with its argument", Activities.Message(ServiceUrl, "Tóm tắt  NV001"), TurnRouteKind.Command, "tóm tắt", "NV001", true, false },
        { "a writing command", Activities.Message(ServiceUrl, "checkin"), TurnRouteKind.Command, "checkin", "", false, false },
        { "unknown text gets help", Activities.Message(ServiceUrl, "xin chào"), TurnRouteKind.UnknownText, null, "xin chào", true, false },
        { "a check-in submit", Activities.Invoke(ServiceUrl, "checkin.submit", []), TurnRouteKind.CardAction, null, "", false, false },
        { "a help topic", Activities.Invoke(ServiceUrl, "help.show", []), TurnRouteKind.CardAction, null, "", true, false },
        { "peer feedback keeps no answer", Activities.Invoke(ServiceUrl, "feedback.submit", []), TurnRouteKind.CardAction, null, "", false, true },
        { "an unknown verb", Activities.Invoke(ServiceUrl, "no.such.verb", []), TurnRouteKind.CardAction, null, "", false, false },
        { "an Action.Submit message", Submit("summary.show"), TurnRouteKind.Submit, null, "", true, false },
        { "an invoke that is not a card action", Renamed(Activities.Invoke(ServiceUrl, "checkin.submit", []), "composeExtension/query"), TurnRouteKind.OtherInvoke, null, "", false, false },
        { "a card invoke without a verb", Activities.Invoke(ServiceUrl, "", []), TurnRouteKind.BadCardAction, null, "", false, false },
        { "a file in personal chat", WithFile(Activities.Message(ServiceUrl, "help")), TurnRouteKind.Attachments, null, "", false, false },
        { "the app installed", Activities.Install(ServiceUrl), TurnRouteKind.Install, null, "", false, false },
        { "the app removed", Activities.Install(ServiceUrl, action: "remove"), TurnRouteKind.Ignored, null, "", false, false },
    };

    [Theory]
    [MemberData(nameof(Activities_and_their_routes))]
    public void An_activity_is_routed_once_to_the_handler_that_takes_it(string what, JsonObject json, TurnRouteKind kind, string? keyword, string text, bool readsFirst, bool keepsNoAnswer)
    {
        var activity = JsonSerializer.Deserialize<Activity>(json.ToJsonString(), ProtocolJson.Options)!;

        var route = TurnRoute.For(activity, _bot.Services.GetRequiredService<TurnHandlers>());

        Assert.True(kind == route.Kind, $"{what}: {route.Kind}");
        Assert.Equal(keyword, route.Keyword);
        Assert.Equal(text, route.Text);
        Assert.True(readsFirst == route.AnswersFromReads, $"{what}: reads first {route.AnswersFromReads}");
        Assert.True(keepsNoAnswer == route.KeepsNoAnswerRecord, $"{what}: keeps no answer {route.KeepsNoAnswerRecord}");
        Assert.Equal(kind is TurnRouteKind.CardAction or TurnRouteKind.Submit, route.Action is not null);
    }

    private static JsonObject Submit(string verb)
    {
        var message = Activities.Message(ServiceUrl, "");
        message["value"] = new JsonObject { ["verb"] = verb, ["personId"] = "NV001" };
        return message;
    }

    private static JsonObject Renamed(JsonObject invoke, string name)
    {
        invoke["name"] = name;
        return invoke;
    }

    private static JsonObject WithFile(JsonObject message)
    {
        message["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["name"] = "danh-sach.xlsx",
            ["content"] = new JsonObject { ["downloadUrl"] = "https://files.example/1", ["fileType"] = "xlsx" },
        });
        return message;
    }
}
