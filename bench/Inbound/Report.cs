using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace EvalBot.Bench.Inbound;

/// <summary>Console lines and the Markdown summary.</summary>
internal static class Report
{
    public const string EvalBotHelp = "EvalBot help";
    public const string JsPeer = "JS SDK (fair)";
    public const string JsHelp = "JS SDK help (fair)";
    public const string FloorHelp = "Floor help";
    public const string BareHelp = "Bare help (no auth, no storage: transport ceiling)";

    public static string Line(RunResult r) => FormattableString.Invariant($"{r.Scenario}: {r.TurnsPerSecond:F1} turns/s; ack p50 {r.AckP50:F1} ms p99 {r.AckP99:F1} ms; reply p50 {r.ReplyP50:F1} ms p99 {r.ReplyP99:F1} ms; lost {r.Lost}, late {r.Late}, duplicated {r.Duplicates}")
        + (r.Failed > 0 ? "; failed: " + string.Join(", ", r.Failures.Select(f => $"{f.Key} ×{f.Value}")) : "");

    public static string Markdown(List<RunResult> results, List<string> scenarios, BenchOptions options, List<string> authChecks, FakeConnector connector, LocalAuthority authority)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores, {MemoryGiB():F1} GiB, {OsName()}, {RuntimeInformation.FrameworkDescription}, Node {NodeVersion()}");
        md.AppendLine(c, $"Date: {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC. Concurrency {options.Concurrency} (closed loop), {options.Runs} runs × {options.DurationSeconds} s per scenario after {options.WarmupSeconds} s warm-up, scenarios alternated run by run.");
        md.AppendLine();
        md.AppendLine("| scenario | turns/s median [min–max] | ack p50 / p99 (ms) | reply p50 / p99 (ms) | lost / late / duplicated | failed requests |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var name in scenarios)
        {
            var runs = results.Where(r => r.Scenario == name).ToList();
            if (runs.Count == 0)
            {
                continue;
            }

            var tps = runs.Select(r => r.TurnsPerSecond).ToArray();
            md.AppendLine(c, $"| {name} | {Median(tps):F0} [{tps.Min():F0}–{tps.Max():F0}] | {Median(runs.Select(r => r.AckP50)):F1} / {Median(runs.Select(r => r.AckP99)):F1} | {Median(runs.Select(r => r.ReplyP50)):F1} / {Median(runs.Select(r => r.ReplyP99)):F1} | {runs.Sum(r => r.Lost)} / {runs.Sum(r => r.Late)} / {runs.Sum(r => r.Duplicates)} | {runs.Sum(r => r.Failed)} |");
        }

        md.AppendLine();
        md.AppendLine("Latencies: the median over runs of each run's percentile. ack = until the HTTP answer; reply = until the reply reached the fake connector.");
        md.AppendLine();
        var ratios = new List<(string Label, string Over, double Target)>
        {
            ("EvalBot help / JS SDK help (fair)", JsHelp, 2.0),
            ("EvalBot help / floor help", FloorHelp, 0.7),
            ("EvalBot check-in submit / JS SDK help (fair)", JsHelp, 1.0),
        };
        md.AppendLine("| ratio (pair by pair, same round) | median [min–max] | target | verdict |");
        md.AppendLine("|---|---|---|---|");
        foreach (var (label, over, target) in ratios)
        {
            var pairs = Pairs(results, label.StartsWith("EvalBot check-in", StringComparison.Ordinal) ? "EvalBot check-in submit" : EvalBotHelp, over);
            if (pairs.Length == 0)
            {
                continue;
            }

            var median = Median(pairs);
            md.AppendLine(c, $"| {label} | {median:F2} [{pairs.Min():F2}–{pairs.Max():F2}] | ≥ {target:F1} | {(median >= target ? "met" : "not met")} |");
        }

        var overBare = Pairs(results, EvalBotHelp, BareHelp);
        if (overBare.Length > 0)
        {
            md.AppendLine(c, $"| EvalBot help / bare help (transport ceiling, for information) | {Median(overBare):F2} [{overBare.Min():F2}–{overBare.Max():F2}] | – | – |");
        }

        md.AppendLine();
        foreach (var line in authChecks)
        {
            md.AppendLine(c, $"- Auth check, {line}.");
        }

        md.AppendLine(c, $"- Outbound token requests served by the local authority: {authority.TokenRequests}; calls to the fake connector without a Bearer token: {connector.WithoutToken} (the bare endpoint sends none).");
        return md.ToString();
    }

    private static double[] Pairs(List<RunResult> results, string numerator, string denominator)
    {
        var top = results.Where(r => r.Scenario == numerator).ToList();
        var bottom = results.Where(r => r.Scenario == denominator).ToList();
        return [.. top.Zip(bottom, (a, b) => b.TurnsPerSecond > 0 ? a.TurnsPerSecond / b.TurnsPerSecond : double.NaN).Where(double.IsFinite)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double MemoryGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return kb / 1024 / 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static string OsName()
    {
        try
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.OSDescription : line["PRETTY_NAME=".Length..].Trim('"') + ", Linux " + File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.OSDescription;
        }
    }

    private static string NodeVersion()
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var version = process!.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}

/// <summary>Command-line options: <c>--runs 5 --duration 10 --warmup 5 --concurrency 16 --evalbot … --bare … --floor … --node-dir …</c>.</summary>
internal sealed class BenchOptions
{
    public string EvalBotDll { get; private set; } = "";

    public string BareDll { get; private set; } = "";

    public string FloorDll { get; private set; } = "";

    public string NodeDirectory { get; private set; } = "";

    public int Runs { get; private set; } = 5;

    public int DurationSeconds { get; private set; } = 10;

    public int WarmupSeconds { get; private set; } = 15;

    public int Concurrency { get; private set; } = 16;

    public int ReplyTimeoutSeconds { get; private set; } = 10;

    public bool Production { get; private set; } = true;

    public bool KeepWork { get; private set; }

    public string? MarkdownOut { get; private set; }

    public List<string> Only { get; } = [];

    /// <summary>Extra EvalBot settings (<c>--evalbot-env Key=Value</c>, repeatable), e.g. to try a configuration.</summary>
    public Dictionary<string, string> EvalBotEnvironment { get; } = new(StringComparer.Ordinal);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--evalbot": options.EvalBotDll = Path.GetFullPath(Next()); break;
                case "--bare": options.BareDll = Path.GetFullPath(Next()); break;
                case "--floor": options.FloorDll = Path.GetFullPath(Next()); break;
                case "--node-dir": options.NodeDirectory = Path.GetFullPath(Next()); break;
                case "--runs": options.Runs = NextInt(); break;
                case "--duration": options.DurationSeconds = NextInt(); break;
                case "--warmup": options.WarmupSeconds = NextInt(); break;
                case "--concurrency": options.Concurrency = NextInt(); break;
                case "--reply-timeout": options.ReplyTimeoutSeconds = NextInt(); break;
                case "--development": options.Production = false; break;
                case "--quick": options.Runs = 1; options.DurationSeconds = 5; options.WarmupSeconds = 3; break;
                case "--keep": options.KeepWork = true; break;
                case "--markdown": options.MarkdownOut = Path.GetFullPath(Next()); break;
                case "--evalbot-env":
                    var pair = Next();
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    options.EvalBotEnvironment[pair[..equals]] = pair[(equals + 1)..];
                    break;
                case "--only": options.Only.AddRange(Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        foreach (var (value, what) in new[] { (options.EvalBotDll, "--evalbot <EvalBot.dll>"), (options.BareDll, "--bare <EvalBot.Bench.Bare.dll>"), (options.FloorDll, "--floor <EvalBot.Bench.Floor.dll>") })
        {
            if (!File.Exists(value))
            {
                throw new ArgumentException($"{what} is required and must exist (got '{value}')");
            }
        }

        if (!File.Exists(Path.Combine(options.NodeDirectory, "bot.js")) || !Directory.Exists(Path.Combine(options.NodeDirectory, "node_modules")))
        {
            throw new ArgumentException($"--node-dir must be bench/node with node_modules installed (npm ci) (got '{options.NodeDirectory}')");
        }

        return options;
    }
}
