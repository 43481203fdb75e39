using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class ConfidenceVoteRecordConfiguration : IEntityTypeConfiguration<ConfidenceVoteRecord>
{
    public void Configure(EntityTypeBuilder<ConfidenceVoteRecord> builder)
    {
        builder.ToTable("confidence_votes");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => x.PersonId);
        builder.Property(x => x.ExternalId).HasMaxLength(128);
    }
}
