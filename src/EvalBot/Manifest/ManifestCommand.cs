namespace EvalBot.Manifest;

/// <summary>
/// The <c>manifest</c> command line, so an operator can build the Teams app package from the deployed app:
/// <c>manifest pack --bot-id &lt;guid&gt; --out &lt;file.zip&gt; [--app-id &lt;guid&gt;] [--domain &lt;host&gt;] [--source &lt;folder&gt;]</c>.
/// </summary>
public static class ManifestCommand
{
    public const string Usage =
        "usage: manifest pack --bot-id <guid> --out <file.zip> [--app-id <guid>] [--domain <host>] [--source <folder>]";

    private static readonly string[] Options = ["--bot-id", "--out", "--app-id", "--domain", "--source"];
    private static readonly string[] Required = ["--bot-id", "--out"];

    /// <summary>Runs the command: 0 on success, 2 on a usage error (with the reason and the usage line), 1 when packaging fails.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not ["pack", .. var rest])
        {
            return await UsageErrorAsync(error, args.Length == 0 ? "missing subcommand" : $"unknown subcommand '{args[0]}'");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rest.Length; i += 2)
        {
            if (!Options.Contains(rest[i]))
            {
                return await UsageErrorAsync(error, $"unknown option '{rest[i]}'");
            }

            if (i + 1 >= rest.Length || rest[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return await UsageErrorAsync(error, $"option {rest[i]} needs a value");
            }

            options[rest[i]] = rest[i + 1];
        }

        if (Required.FirstOrDefault(o => !options.ContainsKey(o)) is { } missing)
        {
            return await UsageErrorAsync(error, $"missing {missing}");
        }

        var request = new ManifestPackageRequest(options["--bot-id"], options["--out"], options.GetValueOrDefault("--app-id"), options.GetValueOrDefault("--domain"));
        try
        {
            var packager = new ManifestPackager(options.GetValueOrDefault("--source") ?? ManifestPackager.DefaultSourceFolder);
            var appId = packager.Fill(request)["id"];
            await packager.PackAsync(request);
            await output.WriteLineAsync($"Wrote {Path.GetFullPath(request.OutputPath)} (Teams app id {appId}, bot id {request.BotId})");
            return 0;
        }
        catch (ArgumentException e)
        {
            return await UsageErrorAsync(error, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            await error.WriteLineAsync("manifest pack failed: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync("manifest: " + reason);
        await error.WriteLineAsync(Usage);
        return 2;
    }
}
