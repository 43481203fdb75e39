using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace EvalBot.Bench.Inbound;

/// <summary>
/// A stand-in for the Teams Bot Connector on loopback (plain http): replies, sends and updates answer <c>{"id":…}</c>,
/// creating a personal conversation answers a new conversation id. Each reply (POST …/activities/{replyToId}) and update
/// (PUT …/activities/{id}) is matched by that id to the turn waiting for it, with the time it arrived.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Expected> _expected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _captured = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _unmatched;
    private long _duplicates;
    private long _withoutToken;
    private long _created;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Calls that matched no waiting turn (leader review cards, campaign prompts, late replies).</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Second and later replies for the same turn.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Calls without a Bearer token.</summary>
    public long WithoutToken => Interlocked.Read(ref _withoutToken);

    public long ConversationsCreated => Interlocked.Read(ref _created);

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        connector._app = app;
        app.MapPost("/v3/conversations", (HttpContext context) => connector.CreateConversationAsync(context));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context) => connector.ArriveAsync(context, null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string activityId) => connector.ArriveAsync(context, activityId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string activityId) => connector.ArriveAsync(context, activityId));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Registers a turn waiting for the reply or update addressed to <paramref name="key"/>.</summary>
    public Expected Expect(string key, bool capture = false)
    {
        var expected = new Expected(capture);
        _expected[key] = expected;
        return expected;
    }

    /// <summary>Forgets a finished turn; returns how many calls matched it in total (1 is right).</summary>
    public int Forget(string key) => _expected.TryRemove(key, out var expected) ? expected.Count : 0;

    public string? Captured(string key) => _captured.TryGetValue(key, out var body) ? body : null;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task ArriveAsync(HttpContext context, string? activityId)
    {
        var arrived = Stopwatch.GetTimestamp();
        CheckToken(context.Request);
        Expected? expected = null;
        if (activityId is not null && _expected.TryGetValue(activityId, out expected) && expected.Capture)
        {
            using var reader = new StreamReader(context.Request.Body);
            _captured[activityId] = await reader.ReadToEndAsync(context.RequestAborted);
        }
        else
        {
            // Read the whole body, as a real connector would, before answering.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }

        if (expected is null)
        {
            Interlocked.Increment(ref _unmatched);
        }
        else if (!expected.Arrive(arrived))
        {
            Interlocked.Increment(ref _duplicates);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"" + Guid.NewGuid().ToString("N") + "\"}");
    }

    private async Task CreateConversationAsync(HttpContext context)
    {
        CheckToken(context.Request);
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        Interlocked.Increment(ref _created);
        context.Response.StatusCode = 201;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"a:bench-created-" + Guid.NewGuid().ToString("N") + "\"}");
    }

    private void CheckToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length < 20)
        {
            Interlocked.Increment(ref _withoutToken);
        }
    }

    /// <summary>One turn's expected reply: completes with the Stopwatch timestamp of the first arrival.</summary>
    internal sealed class Expected(bool capture)
    {
        private readonly TaskCompletionSource<long> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public bool Capture { get; } = capture;

        public Task<long> Arrival => _first.Task;

        public int Count => Volatile.Read(ref _count);

        public bool Arrive(long timestamp)
        {
            if (Interlocked.Increment(ref _count) == 1)
            {
                _first.TrySetResult(timestamp);
                return true;
            }

            return false;
        }
    }
}
