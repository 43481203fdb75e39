using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class CheckInCampaignConfiguration : IEntityTypeConfiguration<CheckInCampaign>
{
    public void Configure(EntityTypeBuilder<CheckInCampaign> builder)
    {
        builder.ToTable("checkin_campaigns");
        builder.HasIndex(x => x.Period).IsUnique();
        builder.Property(x => x.Period).HasMaxLength(16);
        builder.Property(x => x.OpenedBy).HasMaxLength(32);
    }
}
