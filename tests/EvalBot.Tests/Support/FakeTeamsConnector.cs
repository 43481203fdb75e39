using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvalBot.Tests.Support;

/// <summary>
/// A Bot Connector on 127.0.0.1 that records what the bot sends and can be told to fail the next calls
/// (429 with Retry-After, 5xx, 403), so the real ConnectorClient and its retry pipeline are exercised over HTTP.
/// </summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ConnectorCall> _calls = Channel.CreateUnbounded<ConnectorCall>();
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _failures = new();
    private int _nextId;

    private FakeTeamsConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public ConcurrentQueue<ConnectorCall> Received { get; } = new();

    /// <summary>Every HTTP request that reached the fake, including failed attempts.</summary>
    public int Attempts => _attempts;

    private int _attempts;
    private int _inFlight;
    private int _peakInFlight;

    /// <summary>How long each call waits before it is answered, as a distant Teams would.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The most calls the fake was answering at one moment.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    public static async Task<FakeTeamsConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeTeamsConnector(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ServiceUrl = address.TrimEnd('/') + "/teams/";
        return fake;
    }

    /// <summary>The next call answers with this status (and Retry-After seconds for 429 when given).</summary>
    public void FailNext(int status, int? retryAfterSeconds = null, string code = "Failure")
    {
        _failures.Enqueue(async response =>
        {
            response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await response.WriteAsJsonAsync(new { error = new { code, message = "scripted failure" } });
        });
    }

    /// <summary>Waits for the next successfully answered call.</summary>
    public async Task<ConnectorCall> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await _calls.Reader.ReadAsync(cts.Token);
    }

    /// <summary>
    /// The next call whose first card, as JSON text, matches; calls before it are passed over. For a test whose
    /// organisation has an open campaign: that campaign's job runs on the real clock and may call first.
    /// </summary>
    public async Task<ConnectorCall> NextCardAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var call = await _calls.Reader.ReadAsync(cts.Token);
            if (call.FirstCard?.ToJsonString() is { } card && match(card)) return call;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            int peak;
            while (inFlight > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) != peak)
            {
            }

            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency);
            }

            await AnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        if (_failures.TryDequeue(out var fail))
        {
            await fail(context.Response);
            return;
        }

        var body = context.Request.ContentLength > 0 || context.Request.Method is "POST" or "PUT"
            ? await JsonNode.ParseAsync(context.Request.Body) as JsonObject
            : null;
        var path = context.Request.Path.Value ?? "";
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? path;
        var call = new ConnectorCall(context.Request.Method, raw, Uri.UnescapeDataString(raw), body, context.Request.Headers.Authorization.ToString());
        Received.Enqueue(call);
        var id = Interlocked.Increment(ref _nextId);
        context.Response.StatusCode = context.Request.Method == "PUT" ? 200 : 201;
        if (path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { id = $"a:created-{id}" });
        }
        else
        {
            await context.Response.WriteAsJsonAsync(new { id = $"activity-{id}" });
        }

        await _calls.Writer.WriteAsync(call);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One call to the fake connector. <see cref="DecodedPath"/> has the ids unescaped.</summary>
public sealed record ConnectorCall(string Method, string RawPath, string DecodedPath, JsonObject? Body, string Authorization)
{
    public JsonObject? FirstCard => Body?["attachments"]?[0]?["content"] as JsonObject;
}
