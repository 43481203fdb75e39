using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class RemediationItemRowConfiguration : IEntityTypeConfiguration<RemediationItemRow>
{
    public void Configure(EntityTypeBuilder<RemediationItemRow> builder)
    {
        builder.ToTable("remediation_items");
        builder.HasIndex(x => new { x.PersonId, x.Status });
        builder.Property(x => x.Text).HasMaxLength(2048);
        // Stored as text (open, in_progress, remedied, not_remedied), as it always was.
        builder.Property(x => x.Status).HasMaxLength(32)
            .HasConversion(status => status.Text(), text => RemediationItemStatuses.FromStored(text));
        builder.Property(x => x.RaisedInPeriod).HasMaxLength(16);
    }
}
