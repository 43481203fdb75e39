using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace EvalBot.Bench.FanOut;

/// <summary>
/// A fake Teams connector that enforces Teams' published limits: 50 requests per second per app and tenant, and per
/// conversation 7 per second, 8 per 2 seconds, 60 per 30 seconds and 1,800 per hour, each over a sliding window.
/// Past a limit it answers 429 with Retry-After: 1 and counts nothing. Like the real service far away, it can take
/// 100–300 ms to answer each call (<c>--latency</c>) and fail a share of the calls it admitted with 503, 500 or 412
/// (<c>--errors</c>; such a call counts against the limits but delivers nothing). It records when each delivered message
/// arrived and how many each conversation got, so the run can tell the rate, the losses and the duplicates.
/// </summary>
public sealed class LimitedTeams : IAsyncDisposable
{
    public const int AppPerSecond = 50;

    private static readonly (int Count, TimeSpan Window)[] ConversationWindows =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    private static readonly int[] Failures = [503, 500, 412];

    private readonly WebApplication _app;
    private readonly bool _enforce;
    private readonly (int Min, int Max) _latencyMs;
    private readonly double _errorRate;
    private readonly Lock _gate = new();
    private readonly Queue<long> _appWindow = new();
    private readonly Dictionary<string, List<long>> _conversationSends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _perConversation = new(StringComparer.Ordinal);
    private readonly List<long> _acceptedAt = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _throttled;
    private int _failed;

    private LimitedTeams(WebApplication app, bool enforce, (int Min, int Max) latencyMs, double errorRate, string serviceUrl)
    {
        _app = app;
        _enforce = enforce;
        _latencyMs = latencyMs;
        _errorRate = errorRate;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }

    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Calls answered with a scripted 5xx or 412.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public int Accepted
    {
        get
        {
            lock (_gate)
            {
                return _acceptedAt.Count;
            }
        }
    }

    /// <summary>Seconds since start at which each accepted message arrived, in order.</summary>
    public IReadOnlyList<double> AcceptedSeconds()
    {
        lock (_gate)
        {
            return [.. _acceptedAt.Order().Select(t => (double)t / Stopwatch.Frequency)];
        }
    }

    public double NowSeconds => (double)_clock.ElapsedTicks / Stopwatch.Frequency;

    public IReadOnlyDictionary<string, int> PerConversation => _perConversation;

    public static async Task<LimitedTeams> StartAsync(bool enforce, (int Min, int Max) latencyMs = default, double errorRate = 0)
    {
        var port = BotChild.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var teams = new LimitedTeams(app, enforce, latencyMs, errorRate, $"http://127.0.0.1:{port}/teams/");
        app.MapPost("/teams/v3/conversations/{id}/activities", (string id) => teams.AcceptAsync(id));
        app.MapPost("/teams/v3/conversations/{id}/activities/{replyTo}", (string id) => teams.AcceptAsync(id));
        app.MapPost("/teams/v3/conversations", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var member = (string?)body?["members"]?[0]?["id"] ?? "unknown";
            var admitted = teams.Admit(conversation: null);
            await teams.LatencyAsync();
            return admitted ? Results.Json(new { id = "a:" + member }) : (IResult)TooMany();
        });
        await app.StartAsync();
        return teams;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// A message: admitted on arrival or throttled; an admitted one may fail as scripted; the answer leaves after the
    /// latency either way.
    /// </summary>
    private async Task<IResult> AcceptAsync(string conversationId)
    {
        IResult result;
        if (!Admit(conversationId))
        {
            result = TooMany();
        }
        else if (_errorRate > 0 && Random.Shared.NextDouble() < _errorRate)
        {
            Interlocked.Increment(ref _failed);
            result = Results.Json(new { error = new { code = "ServiceError", message = "Scripted failure." } }, statusCode: Failures[Random.Shared.Next(Failures.Length)]);
        }
        else
        {
            lock (_gate)
            {
                _acceptedAt.Add(_clock.ElapsedTicks);
            }

            _perConversation.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
            result = Results.Json(new { id = "m:" + Guid.NewGuid().ToString("N") });
        }

        await LatencyAsync();
        return result;
    }

    private Task LatencyAsync() => _latencyMs.Max <= 0 ? Task.CompletedTask : Task.Delay(Random.Shared.Next(_latencyMs.Min, _latencyMs.Max + 1));

    private static RetryAfter TooMany() => new(Results.Json(
        new { error = new { code = "TooManyRequests", message = "Too many requests." } },
        statusCode: (int)HttpStatusCode.TooManyRequests));

    /// <summary>Admits the request if every window has room, counting it against them; otherwise counts a 429.</summary>
    private bool Admit(string? conversation)
    {
        var now = _clock.ElapsedTicks;
        lock (_gate)
        {
            if (_enforce)
            {
                while (_appWindow.Count > 0 && now - _appWindow.Peek() >= Stopwatch.Frequency)
                {
                    _appWindow.Dequeue();
                }

                List<long>? sends = null;
                var full = _appWindow.Count >= AppPerSecond;
                if (!full && conversation is not null)
                {
                    if (!_conversationSends.TryGetValue(conversation, out sends))
                    {
                        sends = [];
                        _conversationSends[conversation] = sends;
                    }

                    full = ConversationWindows.Any(w => sends.Count(t => now - t < w.Window.TotalSeconds * Stopwatch.Frequency) >= w.Count);
                }

                if (full)
                {
                    _throttled++;
                    return false;
                }

                _appWindow.Enqueue(now);
                sends?.Add(now);
            }
        }

        return true;
    }

    /// <summary>A 429 with Retry-After: 1, as Teams sends when throttling.</summary>
    private sealed class RetryAfter(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "1";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
