namespace EvalBot.Manifest;

/// <summary>The <c>manifest</c> command line: <c>manifest pack --bot-id &lt;id&gt; --out &lt;file&gt; [--app-id &lt;id&gt;] [--domain &lt;host&gt;]</c>.</summary>
public static class ManifestCommand
{
    /// <summary>Runs the command; returns 0 on success, 2 on a usage error, 1 when packaging fails.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine("manifest: not implemented yet");
        return Task.FromResult(2);
    }
}
