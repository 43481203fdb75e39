using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class TaskGroupConfiguration : IEntityTypeConfiguration<TaskGroup>
{
    public void Configure(EntityTypeBuilder<TaskGroup> builder)
    {
        builder.ToTable("task_groups");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.Name).HasMaxLength(256);
    }
}
