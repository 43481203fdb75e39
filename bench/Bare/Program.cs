using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

// The bare endpoint: POST /api/messages parses the activity as JSON, posts the reply (the card read from
// BENCH_REPLY_FILE) to {serviceUrl}v3/conversations/{conversation.id}/activities/{id}, then answers 200.
// No token validation and no storage: it is the ceiling the benchmark compares EvalBot with.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var replyFile = builder.Configuration["BENCH_REPLY_FILE"] ?? throw new InvalidOperationException("BENCH_REPLY_FILE is not set.");
var template = JsonNode.Parse(File.ReadAllText(replyFile))!.AsObject();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
var app = builder.Build();

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

    if (type != "message")
    {
        return Results.Ok();
    }

    var reply = template.DeepClone().AsObject();
    reply["type"] = "message";
    reply["from"] = activity!["recipient"]?.DeepClone();
    reply["recipient"] = activity["from"]?.DeepClone();
    reply["conversation"] = new JsonObject { ["id"] = conversationId };
    reply["replyToId"] = id;
    var url = new Uri(serviceUrl.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities/" + Uri.EscapeDataString(id));
    using var content = new StringContent(reply.ToJsonString(), System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    using var response = await http.PostAsync(url, content, cancellationToken);
    return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(502);
});

app.Run();
