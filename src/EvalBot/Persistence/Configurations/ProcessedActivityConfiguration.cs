using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> builder)
    {
        builder.ToTable("processed_activities");
        builder.HasKey(p => p.Key);
        builder.Property(p => p.Key).HasMaxLength(1024);
        builder.HasIndex(p => p.ProcessedAt);
    }
}
