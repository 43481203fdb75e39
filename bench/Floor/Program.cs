using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Bench.Floor;
using EvalBot.Protocol.Auth;

// The floor endpoint: what a bot keeping EvalBot's promises cannot avoid spending on a turn. POST /api/messages parses
// the activity, validates the channel token with EvalBot's own authenticator (the same keys, issuers, endorsements and
// serviceUrl checks), stores the turn durably (one group-committed insert: the processed mark and the conversation
// reference), then posts the reply (the card read from BENCH_REPLY_FILE) with an outbound token from EvalBot's MSAL
// provider (cached until near expiry) and answers 200. No routing, no rendering, no other state.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddBotAuthentication(builder.Configuration);
builder.Services.AddHttpClient("connector")
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
var replyFile = builder.Configuration["BENCH_REPLY_FILE"] ?? throw new InvalidOperationException("BENCH_REPLY_FILE is not set.");
var databaseFile = builder.Configuration["BENCH_FLOOR_DB"] ?? throw new InvalidOperationException("BENCH_FLOOR_DB is not set.");
var template = JsonNode.Parse(File.ReadAllText(replyFile))!.AsObject();
foreach (var key in new[] { "from", "recipient", "conversation", "replyToId", "serviceUrl", "channelId", "id" })
{
    template.Remove(key);
}

await using var store = new GroupCommit(databaseFile);
var app = builder.Build();
var authenticator = app.Services.GetRequiredService<IChannelRequestAuthenticator>();
var tokens = app.Services.GetRequiredService<IBotTokenProvider>();
var connector = app.Services.GetRequiredService<IHttpClientFactory>();

app.MapGet("/healthz", () => Results.Ok());
app.MapPost("/api/messages", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    JsonNode? activity;
    try
    {
        activity = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
    }
    catch (JsonException)
    {
        return Results.BadRequest();
    }

    var type = (string?)activity?["type"];
    var serviceUrl = (string?)activity?["serviceUrl"];
    var conversationId = (string?)activity?["conversation"]?["id"];
    var id = (string?)activity?["id"];
    if (type is null || serviceUrl is null || conversationId is null || id is null)
    {
        return Results.BadRequest();
    }

    var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
        (string?)activity!["channelId"], serviceUrl, cancellationToken);
    if (!auth.Succeeded)
    {
        return Results.Unauthorized();
    }

    if (type != "message")
    {
        return Results.Ok();
    }

    var reference = new JsonObject
    {
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = activity["conversation"]?.DeepClone(),
        ["user"] = activity["from"]?.DeepClone(),
        ["bot"] = activity["recipient"]?.DeepClone(),
    };
    if (!await store.StoreAsync(id, reference.ToJsonString()))
    {
        return Results.Ok();
    }

    var reply = template.DeepClone().AsObject();
    reply["from"] = activity["recipient"]?.DeepClone();
    reply["recipient"] = activity["from"]?.DeepClone();
    reply["conversation"] = new JsonObject { ["id"] = conversationId };
    reply["replyToId"] = id;
    var url = new Uri(serviceUrl.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities/" + Uri.EscapeDataString(id));
    using var post = new HttpRequestMessage(HttpMethod.Post, url)
    {
        Content = new StringContent(reply.ToJsonString(), System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
    post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
    using var response = await connector.CreateClient("connector").SendAsync(post, cancellationToken);
    return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(502);
});

app.Run();
