namespace EvalBot.Features.Organisation;

/// <summary>
/// Finds the demo CSV files: the configured folder, else <c>demo/</c> next to the app, else the <c>demo/</c> folder
/// of the checkout the app runs from (<c>dotnet run</c> and tests use the content root inside the repository).
/// </summary>
public static class DemoFolder
{
    public static string Find(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured, contentRoot);
            return Directory.Exists(full) ? full : throw new DirectoryNotFoundException($"EvalBot:DemoFolder '{full}' does not exist.");
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "demo");
        if (File.Exists(Path.Combine(beside, "people.csv"))) return beside;
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "demo");
            if (File.Exists(Path.Combine(candidate, "people.csv"))) return candidate;
        }

        throw new DirectoryNotFoundException("The demo folder (demo/people.csv) was not found; set EvalBot:DemoFolder.");
    }
}
