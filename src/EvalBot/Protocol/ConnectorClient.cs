using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Protocol.Auth;

namespace EvalBot.Protocol;

/// <summary>
/// The Bot Connector v3 REST API, as Teams serves it at a conversation's serviceUrl. Retries of transient failures
/// (429 with Retry-After, 412, 5xx) happen in the HttpClient's resilience pipeline; what reaches the caller is final.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens) : IConnectorClient
{
    public const string HttpClientName = "connector";

    public Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        SendActivityAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations", conversationId, "activities"), activity, cancellationToken);

    public Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, string activityJson, CancellationToken cancellationToken) =>
        SendActivityAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations", conversationId, "activities"), Serialized(activityJson), cancellationToken);

    public Task<string?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, string activityJson, CancellationToken cancellationToken) =>
        SendActivityAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations", conversationId, "activities", activityId), Serialized(activityJson), cancellationToken);

    public Task<string?> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var body = activity.DeepClone().AsObject();
        body["id"] = activityId;
        return SendActivityAsync(HttpMethod.Put, Url(serviceUrl, "v3/conversations", conversationId, "activities", activityId), body, cancellationToken);
    }

    public async Task<string> CreatePersonalConversationAsync(string serviceUrl, CreateConversation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = request.BotId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = request.MemberId }),
            ["tenantId"] = request.TenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = request.TenantId } },
        };
        using var message = await CreateRequestAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations"), Json(body), cancellationToken);
        using var response = await http.SendAsync(message, cancellationToken);
        var json = await ReadAsync(response, cancellationToken);
        return JsonRead.Text(json, "id") ?? throw new ConnectorException(response.StatusCode, "NoConversationId", "The connector created a conversation but returned no id.");
    }

    public async Task<MembersPage> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var url = Url(serviceUrl, "v3/conversations", conversationId, "pagedmembers") + $"?pageSize={Math.Clamp(pageSize, 50, 500)}";
        if (!string.IsNullOrEmpty(continuationToken))
        {
            url += "&continuationToken=" + Uri.EscapeDataString(continuationToken);
        }

        using var message = await CreateRequestAsync(HttpMethod.Get, url, null, cancellationToken);
        using var response = await http.SendAsync(message, cancellationToken);
        var json = await ReadAsync(response, cancellationToken);
        var members = (json?["members"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(m => m.Deserialize<ChannelAccount>(ProtocolJson.Options)!)
            .ToList();
        return new MembersPage(members, JsonRead.Text(json, "continuationToken"));
    }

    private Task<string?> SendActivityAsync(HttpMethod method, string url, JsonObject activity, CancellationToken cancellationToken) =>
        SendActivityAsync(method, url, Json(activity), cancellationToken);

    private async Task<string?> SendActivityAsync(HttpMethod method, string url, HttpContent body, CancellationToken cancellationToken)
    {
        using var message = await CreateRequestAsync(method, url, body, cancellationToken);
        using var response = await http.SendAsync(message, cancellationToken);
        var json = await ReadAsync(response, cancellationToken);
        return JsonRead.Text(json, "id");
    }

    private static JsonContent Json(JsonObject body) => JsonContent.Create(body, options: ProtocolJson.Options);

    /// <summary>A body already written by <see cref="ProtocolJson.Options"/>: the same bytes a <see cref="JsonContent"/> of it would send.</summary>
    private static ByteArrayContent Serialized(string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(json);
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string url, HttpContent? body, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(method, url) { Content = body };

        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return message;
    }

    private static async Task<JsonObject?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonObject? json = null;
        try
        {
            json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // A non-JSON body (a proxy's HTML error page, say) is reported by status code alone.
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = JsonRead.ObjectAt(json, "error");
            throw new ConnectorException(response.StatusCode, JsonRead.Text(error, "code") ?? response.StatusCode.ToString(), JsonRead.Text(error, "message") ?? text);
        }

        return json;
    }

    /// <summary>Joins the serviceUrl and path segments; ids are escaped because Teams ids contain ':', '@' and ';'.</summary>
    internal static string Url(string serviceUrl, string path, params string[] ids)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        var escaped = ids.Length == 0 ? "" : "/" + string.Join('/', ids.Select(Uri.EscapeDataString));
        return baseUrl + path + escaped;
    }
}

/// <summary>A proactive 1:1 conversation: the bot account, the member (29: id or Entra object id) and the tenant.</summary>
public sealed record CreateConversation(string BotId, string MemberId, string TenantId);

public sealed record MembersPage(IReadOnlyList<ChannelAccount> Members, string? ContinuationToken);

/// <summary>A final failure from the connector, after retries. 403 and 404 are permanent for that conversation.</summary>
public sealed class ConnectorException(HttpStatusCode statusCode, string code, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public bool IsPermanent => StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized;
}
