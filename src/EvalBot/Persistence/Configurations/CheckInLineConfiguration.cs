using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class CheckInLineConfiguration : IEntityTypeConfiguration<CheckInLine>
{
    public void Configure(EntityTypeBuilder<CheckInLine> builder)
    {
        builder.ToTable("checkin_lines");
        builder.HasIndex(x => new { x.ReportId, x.TargetId }).IsUnique();
        builder.Property(x => x.Done).HasPrecision(18, 4);
        builder.Property(x => x.QualityOk).HasPrecision(18, 4);
        builder.Property(x => x.OnTime).HasPrecision(18, 4);
        builder.Property(x => x.Evidence).HasMaxLength(2048);
        builder.Property(x => x.ObjectiveCauseApprover).HasMaxLength(256);
        builder.Property(x => x.ObjectiveCauseDocument).HasMaxLength(2048);
        builder.Property(x => x.AdjustReason).HasMaxLength(2048);
    }
}
