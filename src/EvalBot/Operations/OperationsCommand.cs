using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Operations;

/// <summary>
/// The operator's command line on the app's built services (same settings and database):
/// <c>backup &lt;file&gt;</c> (online, safe while the bot runs), <c>restore &lt;file&gt;</c> (refused while a bot runs on
/// the database; the current database is saved beside it first) and <c>retention run</c>.
/// Exit codes: 0 done, 1 refused or failed (nothing changed), 2 usage error.
/// </summary>
public static class OperationsCommand
{
    public const string Usage = "usage: backup <file> | restore <file> | retention run";

    public static bool Handles(string[] args) => args is ["backup", ..] or ["restore", ..] or ["retention", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return args switch
            {
                ["backup", var file] => await BackupAsync(services, file, output),
                ["restore", var file] => await RestoreAsync(services, file, output, error),
                ["retention", "run"] => await RetentionAsync(services, output),
                _ => await UsageAsync(error),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            await error.WriteLineAsync($"{args[0]} failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string file, TextWriter output)
    {
        if (SqliteFiles.IsPostgres(services))
        {
            await output.WriteLineAsync(DatabaseBackup.PostgresInstructions(PersistenceSetup.PostgresConnectionString(services), file));
            return 0;
        }

        var result = await DatabaseBackup.BackupAsync(SqliteFiles.DatabasePath(services), file, CancellationToken.None);
        await output.WriteLineAsync($"backup written to {result.File}: {result.Tables} tables, {result.AuditEntries} audit entries, integrity ok");
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string file, TextWriter output, TextWriter error)
    {
        if (SqliteFiles.IsPostgres(services))
        {
            await output.WriteLineAsync(DatabaseBackup.PostgresInstructions(PersistenceSetup.PostgresConnectionString(services), file));
            return 0;
        }

        var result = await DatabaseBackup.RestoreAsync(SqliteFiles.DatabasePath(services), file, services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        if (!result.Restored)
        {
            await error.WriteLineAsync("restore refused: " + result.Refusal);
            return 1;
        }

        await output.WriteLineAsync($"restored {file}: {result.Backup!.Tables} tables, {result.Backup.AuditEntries} audit entries"
            + (result.SavedCurrentAs is null ? "" : $"; the previous database was saved as {result.SavedCurrentAs}"));
        return 0;
    }

    private static async Task<int> RetentionAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        await db.Database.MigrateAsync();
        await AuditGuard.InstallAsync(db, CancellationToken.None);
        var result = await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync("cli", CancellationToken.None);
        await output.WriteLineAsync($"retention {result.Years} years (before {result.Cutoff:yyyy-MM-dd}): {result.Reports} reports, {result.Lines} lines, {result.Feedback} feedback answers, {result.Remediation} remediation items, {result.Outbox} outbox rows, {result.ProcessedActivities} processed marks purged");
        return 0;
    }

    private static async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync(Usage);
        return 2;
    }
}
