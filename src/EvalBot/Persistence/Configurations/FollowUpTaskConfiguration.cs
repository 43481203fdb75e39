using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.ToTable("follow_up_tasks");
        builder.HasIndex(x => new { x.PersonId, x.Year, x.Kind }).IsUnique();
        builder.HasIndex(x => new { x.HolderPersonId, x.ClosedAt });
        builder.Property(x => x.Kind).HasMaxLength(64);
        builder.Property(x => x.Source).HasMaxLength(256);
        builder.Property(x => x.GroundsKey).HasMaxLength(64);
        builder.Property(x => x.GroundsArgsJson).HasMaxLength(1000);
        builder.Property(x => x.Decision).HasMaxLength(4000);
        builder.Property(x => x.DocumentNumber).HasMaxLength(128);
        builder.Property(x => x.ClosedBy).HasMaxLength(128);
    }
}
