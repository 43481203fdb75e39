using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Protocol;
using EvalBot.Protocol.Auth;

namespace EvalBot.Tests.Protocol;

/// <summary>
/// What the connector client puts on the wire: an outbox row's stored JSON goes out byte for byte as the activity it
/// was written from would, with the same headers, so sending it needs no parse and no second serialization.
/// </summary>
public sealed class ConnectorClientTests
{
    private static readonly JsonObject Card = new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["content"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Báo cáo kết quả quý — \"Phòng Tổ chức\" <b> & 100%" }),
            },
        }),
    };

    [Fact]
    public async Task A_stored_activity_is_sent_with_the_same_bytes_and_headers_as_the_activity_it_was_written_from()
    {
        var stored = JsonSerializer.Serialize(Card, ProtocolJson.Options);

        var fromObject = await SendAsync((client, ct) => client.SendToConversationAsync("https://smba.example/teams/", "a:1;x@y", Card, ct));
        var fromStored = await SendAsync((client, ct) => client.SendToConversationAsync("https://smba.example/teams/", "a:1;x@y", stored, ct));

        Assert.Equal(fromObject.Body, fromStored.Body);
        Assert.Equal(stored, System.Text.Encoding.UTF8.GetString(fromStored.Body));
        Assert.Equal(fromObject.ContentType, fromStored.ContentType);
        Assert.Equal("application/json; charset=utf-8", fromStored.ContentType);
        Assert.Equal(fromObject.Uri, fromStored.Uri);
        Assert.Equal("Bearer token-1", fromStored.Authorization);
    }

    [Fact]
    public async Task A_stored_reply_goes_to_the_activity_it_answers()
    {
        var stored = JsonSerializer.Serialize(Card, ProtocolJson.Options);

        var sent = await SendAsync((client, ct) => client.ReplyToActivityAsync("https://smba.example/teams", "a:1", "f:2", stored, ct));

        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://smba.example/teams/v3/conversations/a%3A1/activities/f%3A2", sent.Uri);
        Assert.Equal(stored, System.Text.Encoding.UTF8.GetString(sent.Body));
    }

    private static async Task<Captured> SendAsync(Func<ConnectorClient, CancellationToken, Task<string?>> send)
    {
        var recorder = new Recorder();
        using var http = new HttpClient(recorder);
        var id = await send(new ConnectorClient(http, new FixedToken()), CancellationToken.None);
        Assert.Equal("activity-1", id);
        return recorder.Captured!;
    }

    private sealed record Captured(HttpMethod Method, string Uri, string? ContentType, string? Authorization, byte[] Body);

    /// <summary>Records the request as it would leave the process, and answers as Teams does.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public Captured? Captured { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Captured = new Captured(request.Method, request.RequestUri!.AbsoluteUri, request.Content?.Headers.ContentType?.ToString(), request.Headers.Authorization?.ToString(), body);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"id":"activity-1"}""") };
        }
    }

    private sealed class FixedToken : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>("token-1");
    }
}
