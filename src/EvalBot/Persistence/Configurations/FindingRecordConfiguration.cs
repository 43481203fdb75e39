using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class FindingRecordConfiguration : IEntityTypeConfiguration<FindingRecord>
{
    public void Configure(EntityTypeBuilder<FindingRecord> builder)
    {
        builder.ToTable("finding_records");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => x.PersonId);
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.Kind).HasMaxLength(32);
    }
}
