using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EvalBot.Tests.Support;

/// <summary>
/// The real bot as a separate process (<c>dotnet EvalBot.dll</c> from the test's build output), configured through
/// environment variables, listening on a free loopback port. Its console output is kept (one line per log entry) so
/// tests can tell which instance did what. Disposing kills it if it is still running.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    public const string AdminKey = "multi-instance-admin-key";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BotProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
        Http.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>A client for this instance, with the admin key.</summary>
    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every line the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>The settings every test instance shares; callers add or override keys.</summary>
    public static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "postgres",
        ["ConnectionStrings__EvalBot"] = connectionString,
        ["Admin__ApiKey"] = AdminKey,
        ["EvalBot__SeedDemo"] = "false",
        ["Delivery__PollInterval"] = "00:00:00.200",
        ["Connector__BaseDelay"] = "00:00:00.050",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging__LogLevel__Quartz"] = "Warning",
        // One line per message sent to Teams ("Start processing HTTP request POST <url>"): who sent what.
        ["Logging__LogLevel__System.Net.Http.HttpClient.connector.LogicalHandler"] = "Information",
        ["Logging__LogLevel__System.Net.Http.HttpClient.connector.ClientHandler"] = "Warning",
    };

    /// <summary>Starts the bot and waits until <c>/healthz</c> answers 200 (its database migrated and reachable).</summary>
    /// <remarks>
    /// The free port is named by <paramref name="addressVariable"/>: <c>Urls</c> (the default, a loopback URL) or
    /// <c>ASPNETCORE_HTTP_PORTS</c> / <c>ASPNETCORE_URLS</c>, as a hosting platform would set it.
    /// </remarks>
    public static async Task<BotProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, TimeSpan? readyWithin = null, string addressVariable = "Urls")
    {
        ArgumentNullException.ThrowIfNull(settings);
        var app = Path.Combine(AppContext.BaseDirectory, "EvalBot.dll");
        if (!File.Exists(app))
        {
            throw new InvalidOperationException($"{app} is missing: build the test project (it copies the bot next to the tests).");
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Database__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment[addressVariable] = addressVariable == "ASPNETCORE_HTTP_PORTS" ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"http://127.0.0.1:{port}";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(name, port, process);
        process.OutputDataReceived += (_, e) => bot.Record(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot.WaitReadyAsync(readyWithin ?? TimeSpan.FromSeconds(120));
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>kill -9: the process dies at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>Lines of output that match.</summary>
    public int Count(Func<string, bool> match) => _output.Count(match);

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines = 40) => $"--- {Name} (pid {ProcessId}) ---\n" + string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitReadyAsync(TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Bot {Name} exited with code {_process.ExitCode} before it was ready.\n{Tail(80)}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException)
            {
                // Not listening yet (a connection reset while accepting surfaces as a bare SocketException).
            }

            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"Bot {Name} was not ready within {within}.\n{Tail(80)}");
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
