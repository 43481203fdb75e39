namespace EvalBot.Tests.Support;

/// <summary>Locates the repository checkout the tests run from (the folder holding EvalBot.sln).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Cards => Path.Combine(Root, "cards");

    public static string Manifest => Path.Combine(Root, "manifest");

    /// <summary>tests/node: the npm packages (Playground, card and manifest oracles) and the scripts that drive them.</summary>
    public static string Node => Path.Combine(Root, "tests", "node");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvalBot.sln")))
            {
                return dir.FullName;
            }
        }

        var built = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        return built is not null && File.Exists(Path.Combine(built, "EvalBot.sln"))
            ? built
            : throw new InvalidOperationException("EvalBot.sln not found above " + AppContext.BaseDirectory);
    }
}
