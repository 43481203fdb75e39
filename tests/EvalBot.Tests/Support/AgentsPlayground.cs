using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace EvalBot.Tests.Support;

/// <summary>
/// The Microsoft 365 Agents Playground (npm, pinned in tests/node) run as a real Teams client against the bot,
/// driven through its own HTTP API, with everything the bot sends read from its WebSocket stream.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonObject> _messages = Channel.CreateUnbounded<JsonObject>();
    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _log = new();
    private Task? _reader;

    private AgentsPlayground(Process process, int port)
    {
        _process = process;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    public JsonObject Config { get; private set; } = [];

    public string PersonalChatId => (string)Config["config"]!["personalChat"]!["id"]!;

    public string CurrentUserId => (string)Config["config"]!["currentUser"]!["id"]!;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="botEndpoint">The bot's /api/messages.</param>
    /// <param name="configPath">A Playground configuration file (e.g. demo/playground/megan.yml to act as Megan Bowen); default: the built-in one.</param>
    public static async Task<AgentsPlayground> StartAsync(string botEndpoint, string? configPath = null)
    {
        var cli = Path.Combine(RepoPaths.Node, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Agents Playground is not installed at {cli}; run `npm ci` in tests/node.");
        }

        var port = FreePort();
        var workDir = Directory.CreateTempSubdirectory("evalbot-playground-").FullName;
        var start = new ProcessStartInfo("node", [cli, "-e", botEndpoint, "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt"])
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        if (configPath is not null)
        {
            start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var playground = new AgentsPlayground(process, port);
        process.OutputDataReceived += (_, e) => playground.Append(e.Data);
        process.ErrorDataReceived += (_, e) => playground.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await playground.WaitUntilReadyAsync();
        return playground;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await _http.GetStringAsync("/_debug/ping") == "pong")
                {
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException
                && deadline.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
                // Still starting: a connection refused, or accepted and reset before the socket was read (which
                // surfaces as a bare SocketException "Transport endpoint is not connected").
            }

            await Task.Delay(100);
        }

        // Reading the config also makes the Playground wait for the bot endpoint to accept connections.
        Config = (await _http.GetFromJsonAsync<JsonObject>("/_internal/v1/config"))!;
        await _socket.ConnectAsync(new Uri($"ws://localhost:{Port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        _reader = Task.Run(ReadStreamAsync);
    }

    private async Task ReadStreamAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                break;
            }

            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            if (JsonNode.Parse(frame.ToArray()) is JsonObject message)
            {
                await _messages.Writer.WriteAsync(message);
            }

            frame.SetLength(0);
        }
    }

    /// <summary>Installs the app in the personal chat: the Playground sends installationUpdate and conversationUpdate.</summary>
    public async Task InstallAsync()
    {
        var response = await _http.PostAsJsonAsync($"/_debug/conversation/{PersonalChatId}/installation", new JsonObject());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Types a message as a Playground user.</summary>
    public async Task<string> SendTextAsync(string text, string? userId = null)
    {
        var response = await _http.PostAsJsonAsync($"/_conversation/v1/conversations/{PersonalChatId}/messages", new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = userId ?? CurrentUserId },
            ["text"] = text,
            ["textFormat"] = "plain",
        });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["messageId"]!;
    }

    /// <summary>Presses an Action.Execute on a card the bot sent; returns the bot's <c>{type, value}</c>.</summary>
    public async Task<JsonObject> ExecuteAsync(string cardMessageId, string verb, JsonObject data, string? userId = null)
    {
        var response = await _http.PostAsJsonAsync("/_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
            ["from"] = new JsonObject { ["id"] = userId ?? CurrentUserId },
            ["conversation"] = new JsonObject { ["id"] = PersonalChatId },
            ["replyToId"] = cardMessageId,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The next message the bot created or updated, as the Playground shows it.</summary>
    public async Task<JsonObject> NextBotMessageAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var item = await _messages.Reader.ReadAsync(cts.Token);
            if ((string?)item["action"] is "createMessage" or "updateMessage")
            {
                return item;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        if (_reader is not null)
        {
            await _reader;
        }

        _socket.Dispose();
        _http.Dispose();
        _process.Dispose();
        _stop.Dispose();
    }
}
