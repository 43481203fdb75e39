using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace EvalBot.Bench.Inbound;

/// <summary>
/// Closed-loop load: a fixed number of workers, each sends a turn, waits for the HTTP answer (the ack) and then for the
/// reply to reach the fake connector, and only then sends the next. A turn counts when its reply was delivered inside
/// the run's window; a turn whose reply never comes is lost; a second reply for the same turn is a duplicate.
/// </summary>
internal sealed class LoadClient(HttpClient http, FakeConnector connector, TimeSpan replyTimeout)
{
    private int _runNumber;

    public async Task<RunResult> RunAsync(Scenario scenario, int concurrency, TimeSpan duration, string? token)
    {
        var run = Interlocked.Increment(ref _runNumber);
        var tag = $"r{run}-{Guid.NewGuid().ToString("N")[..6]}";
        var keys = new ConcurrentBag<string>();
        var samples = new ConcurrentBag<Sample>();
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var timedOut = new ConcurrentBag<string>();
        var authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task WorkerAsync(int worker)
        {
            for (var sequence = 0; Stopwatch.GetTimestamp() < end; sequence++)
            {
                var activityId = $"{tag}-{worker}-{sequence}";
                var key = scenario.ReplyKey(activityId);
                keys.Add(key);
                var expected = connector.Expect(key);
                using var request = new HttpRequestMessage(HttpMethod.Post, scenario.Peer.MessagesUrl)
                {
                    Content = new ByteArrayContent(scenario.Body(worker, activityId, sequence)),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Authorization = authorization;
                var sent = Stopwatch.GetTimestamp();
                long acked;
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    acked = Stopwatch.GetTimestamp();
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
                        await Task.Delay(10);
                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                    await Task.Delay(10);
                    continue;
                }

                var arrival = expected.Arrival;
                if (await Task.WhenAny(arrival, Task.Delay(replyTimeout)) != arrival)
                {
                    timedOut.Add(key);
                    continue;
                }

                samples.Add(new Sample(sent, acked, arrival.Result));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(() => WorkerAsync(worker))));

        // Let late or duplicate replies arrive, then count each turn's replies.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var counts = keys.ToDictionary(key => key, connector.Forget, StringComparer.Ordinal);
        var duplicates = counts.Values.Sum(count => Math.Max(0, count - 1));
        var lost = timedOut.Count(key => counts[key] == 0);
        var late = timedOut.Count - lost;
        var inWindow = samples.Where(s => s.Replied <= end).ToList();
        return new RunResult(
            scenario.Name,
            duration,
            concurrency,
            inWindow.Count / duration.TotalSeconds,
            [.. inWindow.Select(s => Milliseconds(s.Acked - s.Sent))],
            [.. inWindow.Select(s => Milliseconds(s.Replied - s.Sent))],
            lost,
            late,
            duplicates,
            failures.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private readonly record struct Sample(long Sent, long Acked, long Replied);
}

/// <summary>One measured run of one scenario.</summary>
internal sealed record RunResult(
    string Scenario,
    TimeSpan Duration,
    int Concurrency,
    double TurnsPerSecond,
    double[] AckMs,
    double[] ReplyMs,
    int Lost,
    int Late,
    int Duplicates,
    IReadOnlyDictionary<string, int> Failures)
{
    public double AckP50 => Percentile(AckMs, 0.50);

    public double AckP99 => Percentile(AckMs, 0.99);

    public double ReplyP50 => Percentile(ReplyMs, 0.50);

    public double ReplyP99 => Percentile(ReplyMs, 0.99);

    public int Failed => Failures.Values.Sum();

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(double[] values, double fraction)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
