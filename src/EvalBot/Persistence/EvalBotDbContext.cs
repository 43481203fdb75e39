using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Persistence;

/// <summary>
/// The EvalBot database. Provider-neutral; <see cref="SqliteEvalBotDbContext"/> and <see cref="PostgresEvalBotDbContext"/>
/// are thin subclasses that own their provider's migrations.
/// </summary>
public abstract class EvalBotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConversationReference> ConversationReferences => Set<ConversationReference>();
    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();
    public DbSet<DialogStateRow> DialogStates => Set<DialogStateRow>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EvalBotDbContext).Assembly, t => t.Namespace == typeof(Configurations.ConversationReferenceConfiguration).Namespace);
    }
}

public sealed class SqliteEvalBotDbContext(DbContextOptions<SqliteEvalBotDbContext> options) : EvalBotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no native instant type and cannot order DateTimeOffset text correctly across offsets.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisConverter>();
    }
}

public sealed class PostgresEvalBotDbContext(DbContextOptions<PostgresEvalBotDbContext> options) : EvalBotDbContext(options);
