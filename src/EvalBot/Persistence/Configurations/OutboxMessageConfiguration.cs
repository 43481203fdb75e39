using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasIndex(o => o.DedupeKey).IsUnique();
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
        builder.HasIndex(o => new { o.Period, o.Kind });
        builder.Property(o => o.DedupeKey).HasMaxLength(512);
        builder.Property(o => o.RecipientAadObjectId).HasMaxLength(128);
        builder.Property(o => o.TenantId).HasMaxLength(128);
        builder.Property(o => o.BotId).HasMaxLength(256);
        builder.Property(o => o.Period).HasMaxLength(16);
        builder.Property(o => o.Kind).HasMaxLength(64);
        builder.Property(o => o.ConversationId).HasMaxLength(512);
        builder.Property(o => o.ServiceUrl).HasMaxLength(512);
        builder.Property(o => o.ReplyToId).HasMaxLength(256);
        builder.Property(o => o.UpdateActivityId).HasMaxLength(256);
        builder.Property(o => o.LeaseOwner).HasMaxLength(128);
        builder.Property(o => o.SentActivityId).HasMaxLength(256);
        builder.Property(o => o.LastError).HasMaxLength(2048);
    }
}
