using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Protocol;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _bot = new EvalBotFactory();
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task A_body_without_type_is_rejected_with_400_and_nothing_is_stored()
    {
        var activity = Activities.Message(_teams.ServiceUrl, "help");
        activity.Remove("type");

        var response = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _bot.QueryAsync(db => db.ConversationReferences.CountAsync()));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"message\",\"text\":{\"nested\":true}}")]
    [InlineData("{\"type\":\"message\",\"conversation\":\"a:1\"}")]
    [InlineData("")]
    public async Task Malformed_json_gets_400(string body)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        var activity = Activities.Message(_teams.ServiceUrl, new string('x', 300 * 1024));

        var response = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_verbs_get_405(string method)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_types_and_entities_are_accepted_and_ignored()
    {
        var activity = Activities.Message(_teams.ServiceUrl, "");
        activity["type"] = "somethingNew";
        activity["entities"]!.AsArray().Add(new JsonObject { ["type"] = "QuotedReply", ["whatever"] = new JsonArray(1, 2) });

        var response = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _bot.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_invoke_name_gets_501()
    {
        var activity = Activities.Invoke(_teams.ServiceUrl, "help.show", []);
        activity["name"] = "composeExtension/query";

        var response = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task An_invoke_that_is_not_Action_Execute_is_answered_with_a_NotSupported_error_body()
    {
        var activity = Activities.Invoke(_teams.ServiceUrl, "help.show", []);
        activity["value"]!["action"]!["type"] = "Action.Submit";

        var response = await _client.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(400, (int)body!["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal("NotSupported", (string?)body["value"]!["code"]);
    }

    [Fact]
    public async Task A_help_message_is_answered_with_the_help_card_through_the_connector()
    {
        var activity = Activities.Message(_teams.ServiceUrl, "trợ giúp", id: "msg-1");

        var response = await _client.PostAsJsonAsync("/api/messages", activity);
        var call = await _teams.NextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/teams/v3/conversations/a:conv-1/activities/msg-1", call.DecodedPath);
        Assert.Contains("a%3Aconv-1", call.RawPath, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)call.Body!["attachments"]![0]!["contentType"]);
        Assert.Equal(string.Empty, call.Authorization);
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_answered_once()
    {
        var activity = Activities.Message(_teams.ServiceUrl, "help", id: "dup-1");

        await _client.PostAsJsonAsync("/api/messages", activity);
        var second = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, await _bot.QueryAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(1, await _bot.QueryAsync(db => db.ProcessedActivities.CountAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Messages_without_an_id_are_each_answered_as_a_new_message_in_their_conversation(string? id)
    {
        // Nothing tells such an activity from its redeliveries, so it gets no processed mark; two of them in one
        // conversation still get two answers, neither of which replies to an empty activity id.
        for (var i = 0; i < 2; i++)
        {
            var activity = Activities.Message(_teams.ServiceUrl, "help");
            if (id is null) activity.Remove("id");
            else activity["id"] = id;

            var response = await _client.PostAsJsonAsync("/api/messages", activity);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var call = await _teams.NextAsync();
            Assert.Equal("POST", call.Method);
            Assert.Equal("/teams/v3/conversations/a:conv-1/activities", call.DecodedPath);
        }

        var replies = await _bot.QueryAsync(db => db.Outbox.Select(o => new { o.DedupeKey, o.ReplyToId }).ToListAsync());
        Assert.Equal(2, replies.Select(r => r.DedupeKey).Distinct().Count());
        Assert.All(replies, r => Assert.Null(r.ReplyToId));
        Assert.Equal(0, await _bot.QueryAsync(db => db.ProcessedActivities.CountAsync()));
    }

    [Fact]
    public async Task A_redelivered_invoke_gets_the_same_answer_again()
    {
        var activity = Activities.Invoke(_teams.ServiceUrl, "help.show", new JsonObject { ["topic"] = "checkin" }, id: "inv-1");

        var first = await (await _client.PostAsJsonAsync("/api/messages", activity)).Content.ReadAsStringAsync();
        var second = await (await _client.PostAsJsonAsync("/api/messages", activity)).Content.ReadAsStringAsync();

        Assert.Contains("application/vnd.microsoft.card.adaptive", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Installing_the_bot_stores_the_conversation_reference_and_welcomes_once()
    {
        await _client.PostAsJsonAsync("/api/messages", Activities.Install(_teams.ServiceUrl));
        var botAdded = Activities.Install(_teams.ServiceUrl);
        botAdded["type"] = "conversationUpdate";
        botAdded["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
        await _client.PostAsJsonAsync("/api/messages", botAdded);

        var welcome = await _teams.NextAsync();
        var reference = await _bot.QueryAsync(db => db.ConversationReferences.SingleAsync());

        Assert.NotNull(welcome.FirstCard);
        Assert.Equal(1, await _bot.QueryAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(_teams.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("aad-user-1", reference.UserAadObjectId);
        Assert.Equal(Activities.TenantId, reference.TenantId);
        Assert.True(reference.IsActive);
    }

    [Fact]
    public async Task Uninstalling_marks_the_reference_inactive_and_a_new_serviceUrl_refreshes_it()
    {
        await _client.PostAsJsonAsync("/api/messages", Activities.Install(_teams.ServiceUrl));
        await _client.PostAsJsonAsync("/api/messages", Activities.Install(_teams.ServiceUrl, action: "remove"));
        var afterRemove = await _bot.QueryAsync(db => db.ConversationReferences.SingleAsync());
        var moved = Activities.Message(_teams.ServiceUrl.Replace("/teams/", "/emea/", StringComparison.Ordinal), "xin chào");
        await _client.PostAsJsonAsync("/api/messages", moved);
        var afterMessage = await _bot.QueryAsync(db => db.ConversationReferences.SingleAsync());

        Assert.False(afterRemove.IsActive);
        Assert.True(afterMessage.IsActive);
        Assert.EndsWith("/emea/", afterMessage.ServiceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_that_changes_nothing_in_its_conversation_leaves_the_reference_unwritten()
    {
        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "xin chào"));
        var first = await _bot.QueryAsync(db => db.ConversationReferences.SingleAsync());
        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "xin chào"));
        var second = await _bot.QueryAsync(db => db.ConversationReferences.SingleAsync());
        var moved = Activities.Message(_teams.ServiceUrl.Replace("/teams/", "/emea/", StringComparison.Ordinal), "xin chào");
        await _client.PostAsJsonAsync("/api/messages", moved);
        var third = await _bot.QueryAsync(db => db.ConversationReferences.SingleAsync());

        Assert.Equal(first.UpdatedAt, second.UpdatedAt);
        Assert.True(third.UpdatedAt >= first.UpdatedAt);
        Assert.EndsWith("/emea/", third.ServiceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_answers_200_when_the_database_is_ready()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
