using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalBot.Bench.Inbound;

// Benchmark 1, inbound turns. See RESULTS.md for the method; `bench/inbound.sh` builds everything and runs this.
var options = BenchOptions.Parse(args);
var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "evalbot-bench-inbound-" + Guid.NewGuid().ToString("N")[..8])).FullName;
Console.WriteLine($"Work folder: {work}");

await using var authority = await LocalAuthority.StartAsync(work);
await using var connector = await FakeConnector.StartAsync();
Console.WriteLine($"Authority {authority.HttpBaseUrl} / {authority.HttpsBaseUrl}; fake connector {connector.ServiceUrl}");

using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = Math.Max(options.Concurrency, 8),
    UseProxy = false,
    PooledConnectionLifetime = TimeSpan.FromMinutes(30),
})
{
    Timeout = TimeSpan.FromSeconds(30),
};

var period = Setup.CurrentQuarter();
Console.WriteLine($"Starting EvalBot ({options.EvalBotDll}), period {period}");
var evalBotPort = PeerProcess.FreePort();
var evalBotEnvironment = Setup.EvalBotEnvironment(authority, evalBotPort, Path.Combine(work, "evalbot.db"), options.Production);
foreach (var (key, value) in options.EvalBotEnvironment)
{
    evalBotEnvironment[key] = value;
}

await using var evalBot = await PeerProcess.StartAsync("EvalBot", "dotnet", [options.EvalBotDll], Path.GetDirectoryName(options.EvalBotDll)!, evalBotPort, evalBotEnvironment, "healthz");

var admin = new AdminClient(http, evalBot.BaseAddress, Setup.AdminKey);
await Setup.SeedAsync(admin, period, options.Concurrency);
var opened = await admin.PostAsync($"admin/periods/{period}/open", null, null);
Console.WriteLine($"Opened {period}: {opened}");
await Setup.WaitQuietAsync(connector);

var token = authority.MintChannelToken(connector.ServiceUrl, TimeSpan.FromHours(6));
var probe = new Probe(http, connector, token);

// The help card EvalBot sends, handed to the other peers so every peer sends the same reply.
var helpReply = await probe.TurnAsync(evalBot, Activities.Message(connector.ServiceUrl, 0, "capture-help", "help"), "capture-help");
var replyFile = Path.Combine(work, "help-reply.json");
await File.WriteAllTextAsync(replyFile, helpReply);
Console.WriteLine($"Help reply: {Encoding.UTF8.GetByteCount(helpReply)} bytes of JSON");

// Each worker's check-in card, as typing "báo cáo" shows it: the input ids name the target rows.
var targets = new List<long>[options.Concurrency];
for (var worker = 0; worker < options.Concurrency; worker++)
{
    var card = await probe.TurnAsync(evalBot, Activities.Message(connector.ServiceUrl, worker, $"capture-checkin-{worker}", "báo cáo"), $"capture-checkin-{worker}");
    targets[worker] = [.. Regex.Matches(card, @"target\.(\d+)\.done").Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct()];
    if (targets[worker].Count != Setup.TargetsPerPerson)
    {
        throw new InvalidOperationException($"Worker {worker}'s check-in card has {targets[worker].Count} targets, expected {Setup.TargetsPerPerson}:\n{card}");
    }
}

Console.WriteLine("Starting the JavaScript SDK peer, the floor and the bare endpoint");
var repositoryRoot = Path.GetFullPath(Path.Combine(options.NodeDirectory, "..", ".."));
var jsPort = PeerProcess.FreePort();
await using var js = await PeerProcess.StartAsync(Report.JsPeer, "node", ["bot.js"], options.NodeDirectory, jsPort, new Dictionary<string, string>
{
    ["PORT"] = jsPort.ToString(CultureInfo.InvariantCulture),
    ["NODE_ENV"] = "production",
    ["BENCH_REPLY_FILE"] = replyFile,
    ["BENCH_CARDS_DIR"] = Path.Combine(repositoryRoot, "cards"),
    ["BENCH_SRC_DIR"] = Path.Combine(repositoryRoot, "src", "EvalBot"),
    ["BENCH_STORE_FILE"] = Path.Combine(work, "js-turns.jsonl"),
    ["MicrosoftAppId"] = LocalAuthority.AppId,
    ["MicrosoftAppPassword"] = LocalAuthority.ClientSecret,
    ["BENCH_OPENID_METADATA_URL"] = authority.MetadataUrl,
    ["BENCH_LOGIN_URL"] = authority.HttpsBaseUrl + "/botframework.com",
    ["NODE_EXTRA_CA_CERTS"] = authority.CertificatePemPath,
}, "healthz");
var floorPort = PeerProcess.FreePort();
var floorEnvironment = Setup.EvalBotEnvironment(authority, floorPort, Path.Combine(work, "unused.db"), production: true);
floorEnvironment["BENCH_REPLY_FILE"] = replyFile;
floorEnvironment["BENCH_FLOOR_DB"] = Path.Combine(work, "floor.db");
await using var floor = await PeerProcess.StartAsync("Floor", "dotnet", [options.FloorDll], Path.GetDirectoryName(options.FloorDll)!, floorPort, floorEnvironment, "healthz");
var barePort = PeerProcess.FreePort();
await using var bare = await PeerProcess.StartAsync("Bare", "dotnet", [options.BareDll], Path.GetDirectoryName(options.BareDll)!, barePort, new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Urls"] = $"http://127.0.0.1:{barePort}",
    ["BENCH_REPLY_FILE"] = replyFile,
    ["Logging__LogLevel__Default"] = "Warning",
}, "healthz");

// Auth is really on: no token and a token signed by another key are refused by EvalBot and the JS peer.
var authChecks = new List<string>();
foreach (var peer in new[] { evalBot, js, floor })
{
    var (noToken, _) = await probe.StatusAsync(peer, null);
    var (forged, _) = await probe.StatusAsync(peer, LocalAuthority.MintForgedToken(connector.ServiceUrl));
    var (valid, replied) = await probe.StatusAsync(peer, token);
    authChecks.Add($"{peer.Name}: no token → {(int)noToken}, token signed by an unpublished key → {(int)forged}, valid token → {(int)valid}{(replied ? " and a reply" : " but no reply")}");
    if (noToken != HttpStatusCode.Unauthorized || (int)forged is >= 200 and < 300 || !((int)valid is >= 200 and < 300) || !replied)
    {
        throw new InvalidOperationException($"Auth is not on as expected for {peer.Name}: {authChecks[^1]}\n{peer.Tail()}");
    }
}

authChecks.ForEach(line => Console.WriteLine("Auth check: " + line));

var helpTemplates = Enumerable.Range(0, options.Concurrency)
    .Select(w => Activities.Template(Activities.Message(connector.ServiceUrl, w, Activities.IdSlot, "help"))).ToArray();
var submitTemplates = Enumerable.Range(0, options.Concurrency)
    .Select(w => Activities.Template(Activities.CheckInSubmit(connector.ServiceUrl, w, Activities.IdSlot, period, targets[w], Activities.FigureSlot),
        n => (20 + (n % 20)).ToString(CultureInfo.InvariantCulture))).ToArray();

byte[] HelpBody(int worker, string id) => helpTemplates[worker](id, 0);
byte[] SubmitBody(int worker, string id, int sequence) => submitTemplates[worker](id, sequence);

var scenarios = new List<Scenario>
{
    new("EvalBot help", evalBot, true, (w, id, n) => HelpBody(w, id), id => id),
    new("EvalBot check-in submit", evalBot, true, SubmitBody, Activities.CardId),
    new(Report.JsHelp, js, true, (w, id, n) => HelpBody(w, id), id => id),
    new(Report.FloorHelp, floor, true, (w, id, n) => HelpBody(w, id), id => id),
    new(Report.BareHelp, bare, false, (w, id, n) => HelpBody(w, id), id => id),
};
scenarios = [.. scenarios.Where(s => options.Only.Count == 0 || options.Only.Any(o => s.Name.Contains(o, StringComparison.OrdinalIgnoreCase)))];



var load = new LoadClient(http, connector, TimeSpan.FromSeconds(options.ReplyTimeoutSeconds));
Console.WriteLine($"Warm-up: {options.WarmupSeconds} s per scenario, concurrency {options.Concurrency}");
foreach (var scenario in scenarios)
{
    var warm = await load.RunAsync(scenario, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), scenario.Authenticated ? token : null);
    Console.WriteLine($"  warm-up {Report.Line(warm)}");
}

var results = new List<RunResult>();
for (var round = 1; round <= options.Runs; round++)
{
    foreach (var scenario in scenarios)
    {
        var result = await load.RunAsync(scenario, options.Concurrency, TimeSpan.FromSeconds(options.DurationSeconds), scenario.Authenticated ? token : null);
        results.Add(result);
        Console.WriteLine($"  round {round}: {Report.Line(result)}");
    }
}

var markdown = Report.Markdown(results, scenarios.Select(s => s.Name).ToList(), options, authChecks, connector, authority);
Console.WriteLine();
Console.WriteLine(markdown);
if (options.MarkdownOut is { } path)
{
    await File.WriteAllTextAsync(path, markdown);
}

if (!options.KeepWork)
{
    await evalBot.DisposeAsync();
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
        // Best effort.
    }
}

return results.Any(r => r.Lost > 0 || r.Duplicates > 0) ? 2 : 0;

/// <summary>A few single turns used during set-up and for the auth checks.</summary>
internal sealed class Probe(HttpClient http, FakeConnector connector, string token)
{
    public async Task<string> TurnAsync(PeerProcess peer, JsonObject activity, string replyKey)
    {
        var expected = connector.Expect(replyKey, capture: true);
        using var response = await SendAsync(peer, activity, token);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{peer.Name} answered {(int)response.StatusCode} to a set-up turn.\n{peer.Tail()}");
        }

        var arrival = expected.Arrival;
        if (await Task.WhenAny(arrival, Task.Delay(TimeSpan.FromSeconds(30))) != arrival)
        {
            throw new TimeoutException($"No reply from {peer.Name} to a set-up turn.\n{peer.Tail()}");
        }

        connector.Forget(replyKey);
        return connector.Captured(replyKey) ?? throw new InvalidOperationException("The reply was not captured.");
    }

    public async Task<(HttpStatusCode Status, bool Replied)> StatusAsync(PeerProcess peer, string? bearer)
    {
        var id = "auth-check-" + Guid.NewGuid().ToString("N");
        var expected = connector.Expect(id);
        using var response = await SendAsync(peer, Activities.Message(connector.ServiceUrl, 0, id, "help"), bearer);
        if (response.IsSuccessStatusCode)
        {
            await Task.WhenAny(expected.Arrival, Task.Delay(TimeSpan.FromSeconds(10)));
        }

        return (response.StatusCode, connector.Forget(id) > 0);
    }

    private async Task<HttpResponseMessage> SendAsync(PeerProcess peer, JsonObject activity, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, peer.MessagesUrl)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }
}
