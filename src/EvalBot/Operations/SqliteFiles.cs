using EvalBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EvalBot.Operations;

/// <summary>Where the app's SQLite database lives, and the lock file a running bot holds beside it.</summary>
public static class SqliteFiles
{
    public static bool IsPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres;

    /// <summary>The database file named by the app's connection string (configured or default).</summary>
    public static string DatabasePath(IServiceProvider services) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(PersistenceSetup.SqliteConnectionString(services)).DataSource);

    /// <summary>
    /// <c>&lt;database&gt;.running</c>: opened exclusively by a running bot (an OS lock, released even when the process is
    /// killed), so that <c>restore</c> can refuse to replace the database under it.
    /// </summary>
    public static string RunningLockPath(string databasePath) => databasePath + ".running";

    /// <summary>Takes the lock, or returns null when another process (or this one) holds it.</summary>
    public static FileStream? TryLock(string databasePath)
    {
        try
        {
            return new FileStream(RunningLockPath(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>Holds the running lock of the SQLite database for the lifetime of the web host.</summary>
public sealed class RunningLock(IServiceProvider services) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!SqliteFiles.IsPostgres(services))
        {
            // Several hosts on one file (tests) are allowed: the first holds the lock, which is all restore needs.
            _lock = SqliteFiles.TryLock(SqliteFiles.DatabasePath(services));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
