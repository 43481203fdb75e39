using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class ClassificationRecordConfiguration : IEntityTypeConfiguration<ClassificationRecord>
{
    public void Configure(EntityTypeBuilder<ClassificationRecord> builder)
    {
        builder.ToTable("classifications");
        builder.HasIndex(x => new { x.PersonId, x.Year, x.Version }).IsUnique();
        builder.HasIndex(x => new { x.Year, x.DeciderPersonId });
        builder.HasIndex(x => new { x.Year, x.AgencyUnitId });
        builder.HasIndex(x => x.ChainSeq).IsUnique();
        builder.HasIndex(x => x.SupersedesId).IsUnique();
        builder.Property(x => x.GroupKey).HasMaxLength(128);
        // Stored by name (Rated, NotRated, …), as it always was.
        builder.Property(x => x.Outcome).HasMaxLength(32).HasConversion<string>();
        builder.Property(x => x.RuleSetId).HasMaxLength(64);
        builder.Property(x => x.RuleSetVersion).HasMaxLength(64);
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.DecidedBy).HasMaxLength(128);
        builder.Property(x => x.PreviousHash).HasMaxLength(64);
        builder.Property(x => x.Hash).HasMaxLength(64);
        builder.Property(x => x.Score).HasPrecision(9, 2);
    }
}

public sealed class ClassificationPublicationConfiguration : IEntityTypeConfiguration<ClassificationPublication>
{
    public void Configure(EntityTypeBuilder<ClassificationPublication> builder)
    {
        builder.ToTable("classification_publications");
        builder.HasIndex(x => x.RecordId).IsUnique();
    }
}

public sealed class QuotaExceptionRecordConfiguration : IEntityTypeConfiguration<QuotaExceptionRecord>
{
    public void Configure(EntityTypeBuilder<QuotaExceptionRecord> builder)
    {
        builder.ToTable("quota_exceptions");
        builder.HasIndex(x => new { x.AgencyUnitId, x.Year }).IsUnique();
        builder.Property(x => x.DecisionNumber).HasMaxLength(128);
        builder.Property(x => x.ApprovedBy).HasMaxLength(256);
        builder.Property(x => x.RecordedBy).HasMaxLength(128);
    }
}
