using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EvalBot.Persistence;

/// <summary>Lets the EF tools build each provider's context to add migrations (no database is contacted).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEvalBotDbContext>
{
    public SqliteEvalBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEvalBotDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <inheritdoc cref="SqliteDesignTimeFactory"/>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEvalBotDbContext>
{
    public PostgresEvalBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEvalBotDbContext>().UseNpgsql("Host=localhost;Database=evalbot_design").Options);
}
