using System.Text;
using System.Text.Json.Nodes;

namespace EvalBot.Bench.Inbound;

/// <summary>What one measured turn is: which bot, what it is sent, and which reply id completes it.</summary>
internal sealed class Scenario
{
    private readonly Func<int, string, int, byte[]> _body;
    private readonly Func<string, string> _replyKey;

    public Scenario(string name, PeerProcess peer, bool authenticated, Func<int, string, int, byte[]> body, Func<string, string> replyKey)
    {
        Name = name;
        Peer = peer;
        Authenticated = authenticated;
        _body = body;
        _replyKey = replyKey;
    }

    public string Name { get; }

    public PeerProcess Peer { get; }

    /// <summary>Whether the requests carry a channel token (the bare endpoint checks none).</summary>
    public bool Authenticated { get; }

    /// <param name="worker">The client worker (one user and conversation each).</param>
    /// <param name="activityId">A unique activity id.</param>
    /// <param name="sequence">The worker's turn number (varies the check-in figures).</param>
    public byte[] Body(int worker, string activityId, int sequence) => _body(worker, activityId, sequence);

    /// <summary>The id the reply is addressed to: the activity itself (a reply) or the card it updates.</summary>
    public string ReplyKey(string activityId) => _replyKey(activityId);
}

/// <summary>Teams-shaped activities: a personal chat per worker, one user per worker, the vi-VN locale.</summary>
internal static class Activities
{
    public const string IdSlot = "__ACTIVITY_ID__";
    public const string FigureSlot = "__FIGURE__";

    public static string UserAad(int worker) => $"bench-staff-{worker:D3}";

    public static string ConversationId(int worker) => $"a:bench-conversation-{worker:D3}";

    public static JsonObject Message(string serviceUrl, int worker, string activityId, string? text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = activityId,
            ["timestamp"] = "2026-11-27T02:00:00.000Z",
            ["localTimestamp"] = "2026-11-27T09:00:00.000+07:00",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:" + UserAad(worker), ["name"] = $"Cán bộ {worker}", ["aadObjectId"] = UserAad(worker) },
            ["recipient"] = new JsonObject { ["id"] = "28:" + LocalAuthority.AppId, ["name"] = "EvalBot" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId(worker), ["conversationType"] = "personal", ["tenantId"] = LocalAuthority.TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = LocalAuthority.TenantId } },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "vi-VN", ["country"] = "VN", ["platform"] = "Web", ["timezone"] = "Asia/Ho_Chi_Minh" }),
            ["locale"] = "vi-VN",
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        return activity;
    }

    /// <summary>The check-in card's Submit (Action.Submit: a message with the card's data and inputs in <c>value</c>).</summary>
    public static JsonObject CheckInSubmit(string serviceUrl, int worker, string activityId, string period, IReadOnlyList<long> targetIds, string figure)
    {
        var value = new JsonObject { ["verb"] = "checkin.submit", ["period"] = period };
        for (var i = 0; i < targetIds.Count; i++)
        {
            var prefix = $"target.{targetIds[i]}.";
            var done = i == 0 ? "9" : figure;
            value[prefix + "done"] = done;
            value[prefix + "qualityOk"] = done;
            value[prefix + "onTime"] = done;
            value[prefix + "evidence"] = $"Văn bản số {worker}/{i + 1}/BC";
        }

        value["general.politics"] = "9";
        value["general.competence"] = "9";
        value["general.innovation"] = "8";
        value["selfCriticism"] = "Còn chậm ở vài hồ sơ";
        var activity = Message(serviceUrl, worker, activityId, text: null);
        activity["replyToId"] = CardId(activityId);
        activity["value"] = value;
        activity["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        return activity;
    }

    public static string CardId(string activityId) => "card-" + activityId;

    /// <summary>A body factory from a template with <see cref="IdSlot"/> (and optionally <see cref="FigureSlot"/>) in it.</summary>
    public static Func<string, int, byte[]> Template(JsonObject activity, Func<int, string>? figure = null)
    {
        var text = activity.ToJsonString();
        return (id, sequence) =>
        {
            var body = text.Replace(IdSlot, id, StringComparison.Ordinal);
            if (figure is not null)
            {
                body = body.Replace(FigureSlot, figure(sequence), StringComparison.Ordinal);
            }

            return Encoding.UTF8.GetBytes(body);
        };
    }
}
