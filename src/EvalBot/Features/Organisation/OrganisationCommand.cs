using System.Text.Json;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Organisation;

/// <summary>
/// The <c>import</c> command line, for an operator on the server: <c>import &lt;file&gt; [--kind K]</c>. It runs on
/// the app's built services (same database and settings), applies migrations, imports as actor <c>cli</c> and
/// prints the report. Exit codes: 0 imported, 1 refused or unreadable (nothing written), 2 usage error.
/// </summary>
public static class OrganisationCommand
{
    public const string Usage = "usage: import <file.csv|file.xlsx> [--kind units|posts|groups|people|targets|leave|discipline|findings|transfers|votes]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string[] rest = args is ["import", .. var tail] ? tail : args;
        string? path = null;
        ImportKind? kind = null;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--kind")
            {
                if (i + 1 >= rest.Length) return await UsageErrorAsync(error, "option --kind needs a value");
                kind = ImportKinds.Parse(rest[++i]);
                if (kind is null) return await UsageErrorAsync(error, $"unknown kind '{rest[i]}'");
            }
            else if (rest[i].StartsWith("--", StringComparison.Ordinal)) return await UsageErrorAsync(error, $"unknown option '{rest[i]}'");
            else if (path is null) path = rest[i];
            else return await UsageErrorAsync(error, $"unexpected argument '{rest[i]}'");
        }

        if (path is null) return await UsageErrorAsync(error, "missing file");
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > int.MaxValue / 2) throw new IOException("the file is too large");
            bytes = await File.ReadAllBytesAsync(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"import: cannot read {path}: {e.Message}");
            return 1;
        }

        if (!ImportFormat.IsXlsx(bytes) && kind is null) return await UsageErrorAsync(error, "a CSV file needs --kind");
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvalBotDbContext>().Database.MigrateAsync();
        var result = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(bytes, kind, OrganisationImporter.CliActor, CancellationToken.None);
        if (result.Succeeded)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(result.Report, Json));
            return 0;
        }

        await error.WriteLineAsync($"import: refused, nothing written ({result.Errors.Count} errors)");
        foreach (var e in result.Errors.Take(ImportLimits.MaxReportedErrors))
        {
            await error.WriteLineAsync($"{e.Sheet}:{e.Row}{(e.Column is null ? "" : $" [{e.Column}]")}: {e.Message} / {e.MessageEn}");
        }

        return 1;
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync("import: " + reason);
        await error.WriteLineAsync(Usage);
        return 2;
    }
}
