using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EvalBot.Bench.FanOut;

/// <summary>EvalBot as its own process (the Release build next to this harness), so its CPU time is its own.</summary>
public sealed class BotChild : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key";

    private readonly Process _process;

    private BotChild(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromHours(2) };
        Http.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
    }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public static async Task<BotChild> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EvalBot.dll"));
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the bot did not start");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotChild(process, port);
        var ready = Stopwatch.StartNew();
        while (ready.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the bot exited with {process.ExitCode}");
            }

            try
            {
                using var response = await bot.Http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await bot.DisposeAsync();
        throw new TimeoutException("the bot was not healthy within 2 minutes");
    }

    /// <summary>User plus system CPU seconds the bot has used so far, from /proc.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const double ticksPerSecond = 100;
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ticksPerSecond;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine("  [bot] " + line);
        }
    }

    /// <summary>A free loopback port, for the bot and the fake Teams.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
