using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class PartyQuarterRecordConfiguration : IEntityTypeConfiguration<PartyQuarterRecord>
{
    public void Configure(EntityTypeBuilder<PartyQuarterRecord> builder)
    {
        builder.ToTable("party_quarter_records");
        builder.HasIndex(x => new { x.PersonId, x.Year, x.Quarter }).IsUnique();
        builder.Property(x => x.Periods).HasMaxLength(64);
    }
}

public sealed class PartyQuarterJustificationConfiguration : IEntityTypeConfiguration<PartyQuarterJustification>
{
    public void Configure(EntityTypeBuilder<PartyQuarterJustification> builder)
    {
        builder.ToTable("party_quarter_justifications");
        builder.HasIndex(x => new { x.RatingId, x.Quarter }).IsUnique();
        builder.Property(x => x.Text).HasMaxLength(2000);
    }
}
