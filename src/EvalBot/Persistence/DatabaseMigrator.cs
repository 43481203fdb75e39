using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Persistence;

/// <summary>
/// Applies migrations before the app serves requests (hosted services start before Kestrel), and records that
/// the database is ready for <c>/healthz</c>.
/// </summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, DatabaseReadiness readiness) : IHostedService
{
    /// <summary>The PostgreSQL advisory lock the instances migrate under ("EvBotMig" in ASCII).</summary>
    private const long MigrationLockKey = 0x4576_426F_744D_6967;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        if (options.Value.MigrateOnStartup)
        {
            await MigrateAsync(db, cancellationToken);
        }

        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// On PostgreSQL several instances start against one database, often at once. EF's own migration lock does not
    /// stop two of them from applying the same migration when more than one is pending (the second fails on a table the
    /// first has already dropped), so the whole migration runs under a session-level advisory lock: one instance
    /// migrates, the others wait for it and then find nothing pending. SQLite serves one process.
    /// </summary>
    private static async Task MigrateAsync(EvalBotDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Set once the schema is in place; until then /healthz answers 503.</summary>
public sealed class DatabaseReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
