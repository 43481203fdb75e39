namespace EvalBot.Persistence;

/// <summary>Configuration section <c>Database</c>: which engine, and where SQLite keeps its file.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>sqlite</c> (default, one process) or <c>postgres</c> (several instances).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Folder for the SQLite file when no connection string is given, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);
}
