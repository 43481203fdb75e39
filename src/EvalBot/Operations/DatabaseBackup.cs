using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EvalBot.Operations;

/// <summary>
/// Online backup and offline restore of the SQLite database, with the SQLite backup API: the copy is a consistent
/// snapshot of one moment even while the bot writes (WAL readers do not block the writer, and the backup reads one
/// transaction's view). For PostgreSQL the commands to use are printed instead (pg_dump / pg_restore).
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the live database into <paramref name="file"/> (replaced if it exists) and checks the copy.</summary>
    public static async Task<BackupResult> BackupAsync(string databasePath, string file, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentException.ThrowIfNullOrEmpty(file);
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"The database {databasePath} does not exist.", databasePath);
        }

        var target = Path.GetFullPath(file);
        var temporary = target + ".partial";
        DeleteDatabaseFiles(temporary);
        await using (var source = Open(databasePath, SqliteOpenMode.ReadOnly))
        await using (var destination = Open(temporary, SqliteOpenMode.ReadWriteCreate))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);

            // A backup is one self-contained file: no WAL beside it.
            await ExecuteAsync(destination, "PRAGMA journal_mode=DELETE;", cancellationToken);
        }

        var check = await CheckAsync(temporary, cancellationToken);
        DeleteDatabaseFiles(target);
        File.Move(temporary, target);
        return check;
    }

    /// <summary>
    /// Replaces the database with the backup: refused when the backup is not a sound EvalBot database or when a bot
    /// holds the running lock. The current database is first saved beside itself (<c>.before-restore-…</c>).
    /// </summary>
    public static async Task<RestoreResult> RestoreAsync(string databasePath, string file, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(file))
        {
            return RestoreResult.Refused($"The backup {file} does not exist.");
        }

        BackupResult check;
        try
        {
            check = await CheckAsync(Path.GetFullPath(file), cancellationToken);
        }
        catch (SqliteException ex)
        {
            return RestoreResult.Refused($"The backup {file} is not a readable SQLite database: {ex.Message}");
        }

        if (!check.IsSound)
        {
            return RestoreResult.Refused($"The backup {file} is not a sound EvalBot database: {check.Problem}");
        }

        using var running = SqliteFiles.TryLock(databasePath);
        if (running is null)
        {
            return RestoreResult.Refused($"A bot is running on {databasePath} (it holds {SqliteFiles.RunningLockPath(databasePath)}); stop every instance, then restore.");
        }

        string? saved = null;
        if (File.Exists(databasePath))
        {
            saved = databasePath + ".before-restore-" + time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            await BackupAsync(databasePath, saved, cancellationToken);
        }

        // Written through the backup API into the live file, so its WAL and shared memory stay consistent; the
        // destination changes in one write transaction: a crash leaves either the old database or the restored one.
        await using (var source = Open(Path.GetFullPath(file), SqliteOpenMode.ReadOnly))
        await using (var destination = Open(databasePath, SqliteOpenMode.ReadWriteCreate))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
            await ExecuteAsync(destination, "PRAGMA journal_mode=WAL; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        return new RestoreResult(true, null, saved, check);
    }

    /// <summary>The pg_dump / pg_restore commands for the configured PostgreSQL database (no password printed).</summary>
    public static string PostgresInstructions(string connectionString, string file)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var target = string.Create(CultureInfo.InvariantCulture, $"--host={Quote(b.Host ?? "localhost")} --port={b.Port} --username={Quote(b.Username ?? "postgres")} --dbname={Quote(b.Database ?? "")}");
        return $"""
            PostgreSQL is backed up with its own tools (consistent while the bot runs). Set PGPASSWORD (or use ~/.pgpass), then:
              pg_dump --format=custom --no-owner {target} --file={Quote(file)}
            Restore (stop every instance first):
              pg_restore --clean --if-exists --no-owner {target} {Quote(file)}
            """;
    }

    private static async Task<BackupResult> CheckAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = Open(file, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(cancellationToken);
        var integrity = Convert.ToString(await ScalarAsync(connection, "PRAGMA integrity_check;", cancellationToken), CultureInfo.InvariantCulture);
        if (integrity != "ok")
        {
            return new BackupResult(file, 0, 0, integrity);
        }

        var tables = Convert.ToInt32(await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type='table';", cancellationToken), CultureInfo.InvariantCulture);
        var hasSchema = Convert.ToInt32(await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('__EFMigrationsHistory','audit_log');", cancellationToken), CultureInfo.InvariantCulture);
        if (hasSchema != 2)
        {
            return new BackupResult(file, tables, 0, "no EvalBot schema (__EFMigrationsHistory, audit_log)");
        }

        var audit = Convert.ToInt64(await ScalarAsync(connection, "SELECT count(*) FROM audit_log;", cancellationToken), CultureInfo.InvariantCulture);
        return new BackupResult(file, tables, audit, null);
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void DeleteDatabaseFiles(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or ':') ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>What a backup (or the check of one) found: tables, audit entries, and the first problem if any.</summary>
public sealed record BackupResult(string File, int Tables, long AuditEntries, string? Problem)
{
    public bool IsSound => Problem is null;
}

public sealed record RestoreResult(bool Restored, string? Refusal, string? SavedCurrentAs, BackupResult? Backup)
{
    public static RestoreResult Refused(string reason) => new(false, reason, null, null);
}
