using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class PriorScoreRecordConfiguration : IEntityTypeConfiguration<PriorScoreRecord>
{
    public void Configure(EntityTypeBuilder<PriorScoreRecord> builder)
    {
        builder.ToTable("prior_score_records");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => new { x.PersonId, x.Period });
        builder.Property(x => x.ExternalId).HasMaxLength(160);
        builder.Property(x => x.Period).HasMaxLength(16);
        builder.Property(x => x.FromUnitExternalId).HasMaxLength(128);
        builder.Property(x => x.Score).HasPrecision(9, 4);
        builder.Property(x => x.GeneralScore).HasPrecision(9, 4);
    }
}
