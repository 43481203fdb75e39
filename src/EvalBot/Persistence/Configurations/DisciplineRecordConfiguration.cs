using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class DisciplineRecordConfiguration : IEntityTypeConfiguration<DisciplineRecord>
{
    public void Configure(EntityTypeBuilder<DisciplineRecord> builder)
    {
        builder.ToTable("discipline_records");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => x.PersonId);
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.ViolationId).HasMaxLength(128);
        builder.Property(x => x.Track).HasMaxLength(32);
        builder.Property(x => x.Sanction).HasMaxLength(32);
    }
}
