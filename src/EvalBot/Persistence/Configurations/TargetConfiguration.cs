using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("targets");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => new { x.Period, x.PersonId });
        builder.HasIndex(x => new { x.Period, x.PostId });
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.Period).HasMaxLength(16);
        builder.Property(x => x.Title).HasMaxLength(512);
        builder.Property(x => x.UnitOfMeasure).HasMaxLength(64);
        builder.Property(x => x.QualityRequirement).HasMaxLength(1024);
        builder.Property(x => x.Quantity).HasPrecision(18, 4);
        builder.Property(x => x.ConversionFactor).HasPrecision(18, 4);
    }
}
