using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace EvalBot.Tests.Support;

/// <summary>
/// Runs a node script from tests/node with JSON on stdin and parses its JSON stdout. Tests batch many cases into
/// one call, because starting node costs about 100 ms.
/// </summary>
public static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<JsonNode> RunAsync(string scriptName, JsonNode input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var start = new ProcessStartInfo("node", Path.Combine(RepoPaths.Node, scriptName))
        {
            WorkingDirectory = RepoPaths.Node,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cts.Token);
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {scriptName} exited {process.ExitCode}: {await stderr}");
        }

        return JsonNode.Parse(output) ?? throw new InvalidOperationException($"node {scriptName} printed nothing");
    }

    /// <summary>Runs a batch (<c>{"cases":[{id,…}]}</c>) and returns the results keyed by id.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonObject>> RunCasesAsync(string scriptName, JsonObject input)
    {
        var output = await RunAsync(scriptName, input);
        return output["results"]!.AsArray()
            .Select(r => r!.AsObject())
            .ToDictionary(r => (string)r["id"]!, r => r);
    }
}
