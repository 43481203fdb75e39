using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Operations;

/// <summary>
/// Makes the audit log append-only in the database itself, not only in the code: an UPDATE, DELETE (or, on PostgreSQL,
/// TRUNCATE) of <c>audit_log</c> raises an error, whoever issues it (a bug, a script, a hand-typed statement).
/// Installed at start-up after the migrations (idempotent), so the EF migrations stay provider-generated.
/// </summary>
public static class AuditGuard
{
    public const string Message = "audit_log is append-only";

    private const string SqliteSql = $"""
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        """;

    // The advisory lock serialises instances starting together: CREATE OR REPLACE FUNCTION is not safe concurrently.
    private const string PostgresSql = $"""
        SELECT pg_advisory_xact_lock(7214389);
        CREATE OR REPLACE FUNCTION evalbot_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION '{Message}'; END $$;
        DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
        CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION evalbot_audit_log_append_only();
        DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION evalbot_audit_log_append_only();
        """;

    public static async Task InstallAsync(EvalBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(PostgresSql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(SqliteSql, cancellationToken);
        }
    }
}

/// <summary>
/// Runs <see cref="AuditGuard"/> at start-up. Registered after <see cref="DatabaseMigrator"/>: hosted services start in
/// registration order, one after the other, and Kestrel only after all of them, so no request sees the table unguarded.
/// </summary>
public sealed class AuditGuardInstaller(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
        if (options.Value.MigrateOnStartup || await AuditTableExistsAsync(db, cancellationToken))
        {
            await AuditGuard.InstallAsync(db, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<bool> AuditTableExistsAsync(EvalBotDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.AuditLog.AsNoTracking().AnyAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException)
        {
            return false;
        }
    }
}
