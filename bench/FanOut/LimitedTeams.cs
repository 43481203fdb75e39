using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace EvalBot.Bench.FanOut;

/// <summary>
/// A fake Teams connector that enforces Teams' published limits: 50 requests per second per app and tenant, and per
/// conversation 7 per second, 8 per 2 seconds, 60 per 30 seconds and 1,800 per hour, each over a sliding window.
/// Past a limit it answers 429 with Retry-After: 1 and counts nothing. It records when each accepted message arrived
/// and how many each conversation got, so the run can tell the rate, the losses and the duplicates.
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

    private readonly WebApplication _app;
    private readonly bool _enforce;
    private readonly Lock _gate = new();
    private readonly Queue<long> _appWindow = new();
    private readonly Dictionary<string, List<long>> _conversationSends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _perConversation = new(StringComparer.Ordinal);
    private readonly List<long> _acceptedAt = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _throttled;

    private LimitedTeams(WebApplication app, bool enforce, string serviceUrl)
    {
        _app = app;
        _enforce = enforce;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }

    public int Throttled => Volatile.Read(ref _throttled);

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
            return [.. _acceptedAt.Select(t => (double)t / Stopwatch.Frequency)];
        }
    }

    public double NowSeconds => (double)_clock.ElapsedTicks / Stopwatch.Frequency;

    public IReadOnlyDictionary<string, int> PerConversation => _perConversation;

    public static async Task<LimitedTeams> StartAsync(bool enforce)
    {
        var port = BotChild.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var teams = new LimitedTeams(app, enforce, $"http://127.0.0.1:{port}/teams/");
        app.MapPost("/teams/v3/conversations/{id}/activities", (string id) => teams.Accept(id));
        app.MapPost("/teams/v3/conversations/{id}/activities/{replyTo}", (string id) => teams.Accept(id));
        app.MapPost("/teams/v3/conversations", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var member = (string?)body?["members"]?[0]?["id"] ?? "unknown";
            return teams.Admit(conversation: null)
                ? Results.Json(new { id = "a:" + member })
                : (IResult)TooMany();
        });
        await app.StartAsync();
        return teams;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Accept(string conversationId)
    {
        if (!Admit(conversationId))
        {
            return TooMany();
        }

        _perConversation.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        return Results.Json(new { id = "m:" + Guid.NewGuid().ToString("N") });
    }

    private static RetryAfter TooMany() => new(Results.Json(
        new { error = new { code = "TooManyRequests", message = "Too many requests." } },
        statusCode: (int)HttpStatusCode.TooManyRequests));

    /// <summary>Admits the request if every window has room, recording it; otherwise counts a 429.</summary>
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

            if (conversation is not null)
            {
                _acceptedAt.Add(now);
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
