using System.Text.Json.Nodes;

namespace EvalBot.Tests.Support;

/// <summary>Builds Teams-shaped activities for tests, as the Agents Playground and Teams send them.</summary>
public static class Activities
{
    public const string BotId = "28:evalbot-test";
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";

    public static JsonObject Message(string serviceUrl, string text, string userAad = "aad-user-1", string? conversationId = null, string? id = null, string? locale = null) =>
        Base("message", serviceUrl, userAad, conversationId, id, locale, new JsonObject { ["text"] = text, ["textFormat"] = "plain" });

    public static JsonObject Invoke(string serviceUrl, string verb, JsonObject data, string userAad = "aad-user-1", string? conversationId = null, string? id = null, string? locale = null, string replyToId = "card-1") =>
        Base("invoke", serviceUrl, userAad, conversationId, id, locale, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
        });

    public static JsonObject Install(string serviceUrl, string userAad = "aad-user-1", string? conversationId = null, string action = "add") =>
        Base("installationUpdate", serviceUrl, userAad, conversationId, null, null, new JsonObject { ["action"] = action });

    /// <summary>
    /// Each user's personal chat with the bot: <c>a:conv-1</c> for the default user, <c>a:conv-{aad}</c> for the others (a
    /// personal conversation belongs to one user; an activity from someone else in it is refused).
    /// </summary>
    public static string PersonalChat(string userAad) => userAad == "aad-user-1" ? "a:conv-1" : "a:conv-" + userAad;

    /// <summary>A new id of a shared conversation of the type: a channel's thread or a group chat.</summary>
    public static string SharedConversationId(string type) => type == "channel"
        ? "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2;messageid=1"
        : "19:" + Guid.NewGuid().ToString("N") + "@thread.v2";

    /// <summary>Moves the activity into the shared conversation (<c>channel</c> or <c>groupChat</c>), as Teams addresses it there.</summary>
    public static JsonObject InSharedConversation(JsonObject activity, string type, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = type, ["isGroup"] = true, ["tenantId"] = TenantId };
        if (type == "channel")
        {
            activity["channelData"]!["channel"] = new JsonObject { ["id"] = conversationId };
            activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        }

        return activity;
    }

    private static JsonObject Base(string type, string serviceUrl, string userAad, string? conversationId, string? id, string? locale, JsonObject extra)
    {
        conversationId ??= PersonalChat(userAad);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = "2026-11-27T02:00:00.000Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:" + userAad, ["name"] = "Nguyễn Văn A", ["aadObjectId"] = userAad },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "EvalBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale ?? "vi-VN", ["timezone"] = "Asia/Ho_Chi_Minh" }),
        };
        if (locale is not null)
        {
            activity["locale"] = locale;
        }

        foreach (var (key, value) in extra)
        {
            activity[key] = value?.DeepClone();
        }

        return activity;
    }
}
