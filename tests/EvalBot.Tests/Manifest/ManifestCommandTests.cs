using EvalBot.Manifest;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Manifest;

/// <summary>The command line answers usage errors with exit code 2 and a reason, and writes nothing.</summary>
public sealed class ManifestCommandTests
{
    private const string BotId = "1b6f6c1e-3f7a-4c55-9a7e-2d1f0b9c4e11";

    [Theory]
    [InlineData("missing subcommand")]
    [InlineData("unknown subcommand 'build'", "build")]
    [InlineData("missing --bot-id", "pack", "--out", "x.zip")]
    [InlineData("missing --out", "pack", "--bot-id", BotId)]
    [InlineData("option --out needs a value", "pack", "--bot-id", BotId, "--out")]
    [InlineData("unknown option '--colour'", "pack", "--bot-id", BotId, "--out", "x.zip", "--colour", "red")]
    [InlineData("--bot-id must be a GUID", "pack", "--bot-id", "not-a-guid", "--out", "x.zip")]
    [InlineData("--bot-id must be a GUID", "pack", "--bot-id", "00000000-0000-0000-0000-000000000000", "--out", "x.zip")]
    [InlineData("--app-id must be a GUID", "pack", "--bot-id", BotId, "--app-id", "${{TEAMS_APP_ID}}", "--out", "x.zip")]
    [InlineData("--domain must be a host name", "pack", "--bot-id", BotId, "--domain", "https://evil.example/x", "--out", "x.zip")]
    public async Task Usage_errors_exit_2_with_the_reason(string reason, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] source = args is ["pack", ..] ? ["--source", RepoPaths.Manifest] : [];
        var exit = await ManifestCommand.RunAsync([.. args.Select(a => a == "x.zip" ? Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".zip") : a), .. source], output, error);
        Assert.Equal(2, exit);
        Assert.Contains(reason, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(ManifestCommand.Usage, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_source_folder_exits_1()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ManifestCommand.RunAsync(["pack", "--bot-id", BotId, "--out", Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".zip"), "--source", "/nonexistent-evalbot"], output, error);
        Assert.Equal(1, exit);
        Assert.Contains("manifest pack failed", error.ToString(), StringComparison.Ordinal);
    }
}
