using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvalBot.ArchitectureTests;

/// <summary>
/// Rooms small enough to read in one sitting (docs/ARCHITECTURE.md): no source file over 300 lines and no method,
/// constructor, accessor or local function over 60 lines, outside EF migrations. Read from the source tree with Roslyn,
/// so the numbers are the lines a reader scrolls through.
/// </summary>
public sealed class SizeTests
{
    public const int MaxFileLines = 300;
    public const int MaxMethodLines = 60;

    [Fact]
    public void No_source_file_is_longer_than_300_lines()
    {
        var tooLong = SourceFiles()
            .Select(f => (f.Path, Lines: File.ReadAllLines(f.Full).Length))
            .Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{f.Path} ({f.Lines})")
            .ToList();

        Assert.True(tooLong.Count == 0, "Files over " + MaxFileLines + " lines: " + string.Join(", ", tooLong));
    }

    [Fact]
    public void No_method_is_longer_than_60_lines()
    {
        var tooLong = new List<string>();
        foreach (var (path, full) in SourceFiles())
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(full));
            foreach (var member in tree.GetRoot().DescendantNodes().Where(IsMethodLike))
            {
                var span = tree.GetLineSpan(member.Span);
                var lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
                if (lines > MaxMethodLines)
                {
                    tooLong.Add($"{path}:{span.StartLinePosition.Line + 1} {Name(member)} ({lines})");
                }
            }
        }

        Assert.True(tooLong.Count == 0, "Methods over " + MaxMethodLines + " lines: " + string.Join(", ", tooLong));
    }

    [Fact]
    public void The_size_check_reads_the_real_source_tree()
    {
        var files = SourceFiles().Select(f => f.Path).ToList();

        Assert.Contains(files, f => f.EndsWith("Protocol/Activity.cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("EvalBot.Domain/Level.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("/Migrations/", StringComparison.Ordinal));
    }

    private static bool IsMethodLike(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax;

    private static string Name(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text + " (constructor)",
        LocalFunctionStatementSyntax l => l.Identifier.Text,
        AccessorDeclarationSyntax a => a.Keyword.Text,
        _ => node.Kind().ToString(),
    };

    private static IEnumerable<(string Path, string Full)> SourceFiles()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(full => (Path: Path.GetRelativePath(src, full).Replace('\\', '/'), Full: full))
            .Where(f => !f.Path.Contains("/Migrations/", StringComparison.Ordinal)
                        && !f.Path.Contains("/obj/", StringComparison.Ordinal)
                        && !f.Path.Contains("/bin/", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvalBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EvalBot.sln not found above " + AppContext.BaseDirectory);
    }
}
