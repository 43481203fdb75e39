using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EvalBot.Tests.Support;

/// <summary>What the Playground tests do again and again with one Playground client: wait for a card, write from another client, the group chat.</summary>
public static class PlaygroundSteps
{
    /// <summary>The first group chat of the client's configuration.</summary>
    public static string GroupChatId(this AgentsPlayground client) => (string)client.Config["config"]!["groupChats"]![0]!["id"]!;

    /// <summary>The first channel of the client's first team.</summary>
    public static string ChannelId(this AgentsPlayground client) => (string)client.Config["config"]!["teams"]![0]!["channels"]![0]!["id"]!;

    /// <summary>Installs the app in the client's first group chat (the bot's welcome follows there).</summary>
    public static async Task InstallInGroupChatAsync(this AgentsPlayground client)
    {
        using var debug = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{client.Port}") };
        (await debug.PostAsJsonAsync($"/_debug/conversation/{client.GroupChatId()}/installation", new JsonObject())).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Writes <paramref name="text"/> as <paramref name="from"/> through the Playground's custom-activity feature, with the
    /// Teams client locale <paramref name="locale"/> (the Playground's own client is English).
    /// </summary>
    public static async Task SayAsAsync(this AgentsPlayground client, string conversationId, JsonObject from, string locale, string text)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{client.Port}") };
        var activity = (await http.GetFromJsonAsync<JsonObject>($"/_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}"))!;
        foreach (var key in new[] { "action", "membersAdded", "value", "name" }) activity.Remove(key);
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["from"] = from.DeepClone();
        activity["locale"] = locale;
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
        (await http.PostAsJsonAsync("/_internal/v1/customActivities", activity)).EnsureSuccessStatusCode();
    }

    /// <summary>The first card of the message's attachments, as readable text.</summary>
    public static string CardText(JsonObject message) => message["message"]!["attachments"]![0]!["content"].Readable();

    /// <summary>Skips the bot's messages until a card whose text matches comes.</summary>
    public static async Task<JsonObject> NextCardAsync(this AgentsPlayground client, Func<string, bool> match)
    {
        while (true)
        {
            var message = await client.NextBotMessageAsync(TimeSpan.FromSeconds(60));
            var content = message["message"]?["attachments"]?[0]?["content"];
            if (content is not null && match(content.Readable()))
            {
                return message;
            }
        }
    }

    /// <summary>The next bot message in the conversation that matches; messages to other conversations may come meanwhile.</summary>
    public static async Task<JsonObject> NextInAsync(this AgentsPlayground client, string conversationId, Func<JsonObject, bool>? match = null)
    {
        while (true)
        {
            var message = await client.NextBotMessageAsync(TimeSpan.FromSeconds(60));
            if ((string?)message["actionConversationId"] == conversationId && (match is null || match(message))) return message;
        }
    }

    /// <summary>
    /// After a command asked in a shared conversation: reads the client's messages until both the card holding
    /// <paramref name="title"/> in the personal chat and the line in the shared conversation have come. The line holds no card.
    /// </summary>
    public static async Task<(JsonObject Mine, JsonObject Line)> PrivateCardAndLineAsync(this AgentsPlayground client, string title)
    {
        JsonObject? mine = null;
        JsonObject? line = null;
        while (mine is null || line is null)
        {
            var message = await client.NextBotMessageAsync(TimeSpan.FromSeconds(60));
            var where = (string?)message["actionConversationId"] ?? "";
            var content = message["message"]?["attachments"] is JsonArray { Count: > 0 } attachments ? attachments[0]!["content"] : null;
            if (where != client.PersonalChatId)
            {
                Assert.Null(content);
                line = message;
            }
            else if (content is not null && content.Readable().Contains(title, StringComparison.Ordinal))
            {
                mine = message;
            }
        }

        return (mine, line);
    }
}
