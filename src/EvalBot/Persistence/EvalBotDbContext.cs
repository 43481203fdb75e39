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
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<TaskGroup> TaskGroups => Set<TaskGroup>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<ScoreSheetCriterion> ScoreSheetCriteria => Set<ScoreSheetCriterion>();
    public DbSet<LeaveRecord> Leaves => Set<LeaveRecord>();
    public DbSet<DisciplineRecord> Disciplines => Set<DisciplineRecord>();
    public DbSet<FindingRecord> Findings => Set<FindingRecord>();
    public DbSet<TransferRecord> Transfers => Set<TransferRecord>();
    public DbSet<PriorScoreRecord> PriorScores => Set<PriorScoreRecord>();
    public DbSet<ConfidenceVoteRecord> ConfidenceVotes => Set<ConfidenceVoteRecord>();
    public DbSet<CheckInCampaign> CheckInCampaigns => Set<CheckInCampaign>();
    public DbSet<CheckInReport> CheckInReports => Set<CheckInReport>();
    public DbSet<CheckInLine> CheckInLines => Set<CheckInLine>();
    public DbSet<RemediationItemRow> RemediationItems => Set<RemediationItemRow>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<BoardTask> BoardTasks => Set<BoardTask>();
    public DbSet<ExportGrant> ExportGrants => Set<ExportGrant>();
    public DbSet<PartyOrganisation> PartyOrganisations => Set<PartyOrganisation>();
    public DbSet<PartyMembership> PartyMemberships => Set<PartyMembership>();
    public DbSet<PartyCollective> PartyCollectives => Set<PartyCollective>();
    public DbSet<PartyCollectiveMember> PartyCollectiveMembers => Set<PartyCollectiveMember>();
    public DbSet<PartyRating> PartyRatings => Set<PartyRating>();
    public DbSet<PartyComplaint> PartyComplaints => Set<PartyComplaint>();
    public DbSet<PartyQuotaDecision> PartyQuotaDecisions => Set<PartyQuotaDecision>();
    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();
    public DbSet<PartyQuarterRecord> PartyQuarterRecords => Set<PartyQuarterRecord>();
    public DbSet<PartyQuarterJustification> PartyQuarterJustifications => Set<PartyQuarterJustification>();
    public DbSet<ReviewSelfAssessment> ReviewSelfAssessments => Set<ReviewSelfAssessment>();
    public DbSet<ReviewMeeting> ReviewMeetings => Set<ReviewMeeting>();
    public DbSet<ReviewMeetingEntry> ReviewMeetingEntries => Set<ReviewMeetingEntry>();
    public DbSet<ReviewOpinion> ReviewOpinions => Set<ReviewOpinion>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampConcurrentRows();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampConcurrentRows();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void StampConcurrentRows()
    {
        foreach (var entry in ChangeTracker.Entries<IConcurrencyStamped>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.ConcurrencyStamp = Guid.NewGuid();
            }
        }
    }

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

public sealed class PostgresEvalBotDbContext(DbContextOptions<PostgresEvalBotDbContext> options) : EvalBotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Npgsql writes timestamp with time zone only from UTC values: every instant, from every writer, is made UTC here
        // at the boundary (a +07:00 value from a Vietnamese date is the same instant).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcConverter>();
    }
}
