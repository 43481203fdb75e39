using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class TransferRecordConfiguration : IEntityTypeConfiguration<TransferRecord>
{
    public void Configure(EntityTypeBuilder<TransferRecord> builder)
    {
        builder.ToTable("transfer_records");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => x.PersonId);
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.FromUnitExternalId).HasMaxLength(128);
    }
}
