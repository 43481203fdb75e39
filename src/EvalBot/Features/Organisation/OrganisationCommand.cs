using System.Text.Json;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Organisation;

/// <summary>
/// The <c>import</c> command line, for an operator on the server: <c>import &lt;file&gt; [--kind K]</c>, or
/// <c>import &lt;folder&gt;</c> to import every <c>&lt;kind&gt;.csv</c> in it as one all-or-nothing file (so units can
/// name their heads from people.csv). It runs on
/// the app's built services (same database and settings), applies migrations, imports as actor <c>cli</c> and
/// prints the report. Exit codes: 0 imported, 1 refused or unreadable (nothing written), 2 usage error.
/// </summary>
public static class OrganisationCommand
{
    public const string Usage = "usage: import <file.csv|file.xlsx|folder of <kind>.csv> [--kind units|posts|groups|people|targets|leave|discipline|findings|transfers|votes]";

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
        ImportResult result;
        try
        {
            if (Directory.Exists(path))
            {
                result = await ImportFolderAsync(path, services);
            }
            else
            {
                var bytes = await ReadAsync(path);
                if (!ImportFormat.IsXlsx(bytes) && kind is null) return await UsageErrorAsync(error, "a CSV file needs --kind");
                result = await WithImporterAsync(services, importer => importer.ImportAsync(bytes, kind, OrganisationImporter.CliActor, CancellationToken.None));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"import: cannot read {path}: {e.Message}");
            return 1;
        }

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

    private static async Task<byte[]> ReadAsync(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > int.MaxValue / 2) throw new IOException("the file is too large");
        return await File.ReadAllBytesAsync(path);
    }

    private static async Task<ImportResult> ImportFolderAsync(string folder, IServiceProvider services)
    {
        var tables = new List<ImportTable>();
        var errors = new List<ImportError>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (ImportKinds.Parse(Path.GetFileNameWithoutExtension(file)) is not { } kind)
            {
                errors.Add(ImportError.File(name, "Tên tệp không phải là một loại dữ liệu (units.csv, people.csv, …).", "The file name is not a kind (units.csv, people.csv, …)."));
                continue;
            }

            var (table, fileErrors) = CsvTableReader.Read(await ReadAsync(file), kind);
            errors.AddRange(fileErrors);
            if (table is not null) tables.Add(table);
        }

        if (tables.Count == 0 && errors.Count == 0) errors.Add(ImportError.File(folder, "Thư mục không có tệp CSV.", "The folder has no CSV file."));
        return errors.Count > 0
            ? ImportResult.Failed(errors)
            : await WithImporterAsync(services, importer => importer.ImportAsync(tables, "csv", OrganisationImporter.CliActor, CancellationToken.None));
    }

    private static async Task<ImportResult> WithImporterAsync(IServiceProvider services, Func<OrganisationImporter, Task<ImportResult>> import)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvalBotDbContext>().Database.MigrateAsync();
        return await import(scope.ServiceProvider.GetRequiredService<OrganisationImporter>());
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync("import: " + reason);
        await error.WriteLineAsync(Usage);
        return 2;
    }
}
