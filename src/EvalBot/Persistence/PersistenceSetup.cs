using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Persistence;

/// <summary>
/// Registers the database for the configured provider (<c>Database:Provider</c>, <c>ConnectionStrings:EvalBot</c>).
/// Configuration is read when the context is first resolved, so hosts and tests can override it late.
/// </summary>
public static class PersistenceSetup
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => o.IsPostgres || string.Equals(o.Provider, "sqlite", StringComparison.OrdinalIgnoreCase), "Database:Provider must be 'sqlite' or 'postgres'.")
            .ValidateOnStart();

        // A list in a query (ids.Contains(x)) goes to SQLite as one JSON parameter: as one parameter per item, SQLite
        // looks each name up among all the others when binding, so a list of thousands cost seconds.
        // Pooled: the options are built once, when a context is first asked for, and a turn leases a reset context
        // instead of building one and its services per scope.
        services.AddDbContextPool<SqliteEvalBotDbContext>((sp, o) =>
            o.UseSqlite(SqliteConnectionString(sp), sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(new SqliteConnectionSetup()));
        services.AddDbContextPool<PostgresEvalBotDbContext>((sp, o) =>
            o.UseNpgsql(PostgresConnectionString(sp)));
        services.AddScoped<EvalBotDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresEvalBotDbContext>()
            : sp.GetRequiredService<SqliteEvalBotDbContext>());
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<SqliteWriter>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>The PostgreSQL connection string, resolved late; public so the scheduler's store uses the same database.</summary>
    public static string PostgresConnectionString(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString("EvalBot");
        return string.IsNullOrWhiteSpace(configured)
            ? throw new InvalidOperationException("Database:Provider is 'postgres' but ConnectionStrings:EvalBot is empty.")
            : configured;
    }

    /// <summary>The SQLite connection string (configured, or a file in <c>Database:DataDirectory</c>), resolved late; public so the scheduler's store writes into the same file.</summary>
    public static string SqliteConnectionString(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString("EvalBot");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var folder = Path.GetFullPath(options.DataDirectory, root);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "evalbot.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
