using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        // SQLite: the id is never reused (AUTOINCREMENT, kept by the OutboxPayloads migration); the payload's id is the row's.
        builder.ToTable("outbox", table => table.Property(o => o.Id).UseAutoincrement());
        // The activity (a card can be several KB) lives in a table of its own, written once: the delivery state in "outbox"
        // is rewritten at each claim and sent mark, and SQLite rewrites a changed row whole, overflow pages included.
        builder.SplitToTable("outbox_payloads", payload => payload.Property(o => o.ActivityJson));
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
