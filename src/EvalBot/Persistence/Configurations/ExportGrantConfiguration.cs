using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class ExportGrantConfiguration : IEntityTypeConfiguration<ExportGrant>
{
    public void Configure(EntityTypeBuilder<ExportGrant> builder)
    {
        builder.ToTable("export_grants");
        builder.HasKey(g => g.TokenHash);
        builder.Property(g => g.TokenHash).HasMaxLength(64);
        builder.Property(g => g.Purpose).HasMaxLength(16);
        builder.HasIndex(g => g.ExpiresAt);
    }
}
