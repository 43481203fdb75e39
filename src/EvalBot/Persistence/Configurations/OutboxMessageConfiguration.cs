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
        builder.Property(o => o.DedupeKey).HasMaxLength(ActivityColumns.OutboxKey);
        builder.Property(o => o.RecipientAadObjectId).HasMaxLength(ActivityColumns.AadObjectId);
        builder.Property(o => o.TenantId).HasMaxLength(ActivityColumns.TenantId);
        builder.Property(o => o.BotId).HasMaxLength(ActivityColumns.AccountId);
        builder.Property(o => o.Period).HasMaxLength(16);
        builder.Property(o => o.Kind).HasMaxLength(ActivityColumns.OutboxKind);
        builder.Property(o => o.ConversationId).HasMaxLength(ActivityColumns.ConversationId);
        builder.Property(o => o.ServiceUrl).HasMaxLength(ActivityColumns.ServiceUrl);
        builder.Property(o => o.ReplyToId).HasMaxLength(ActivityColumns.ActivityId);
        builder.Property(o => o.UpdateActivityId).HasMaxLength(ActivityColumns.ActivityId);
        builder.Property(o => o.LeaseOwner).HasMaxLength(128);
        builder.Property(o => o.SentActivityId).HasMaxLength(256);
        builder.Property(o => o.LastError).HasMaxLength(2048);
    }
}
