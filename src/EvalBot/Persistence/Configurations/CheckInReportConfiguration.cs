using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class CheckInReportConfiguration : IEntityTypeConfiguration<CheckInReport>
{
    public void Configure(EntityTypeBuilder<CheckInReport> builder)
    {
        builder.ToTable("checkin_reports");
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(x => new { x.PersonId, x.Period, x.Version }).IsUnique();
        builder.HasIndex(x => new { x.Period, x.IsCurrent });
        builder.Property(x => x.Period).HasMaxLength(16);
        builder.Property(x => x.SelfCriticism).HasMaxLength(4000);
        builder.Property(x => x.ReviewComment).HasMaxLength(4000);
        builder.Property(x => x.Score).HasPrecision(9, 2);
        builder.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
