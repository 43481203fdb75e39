using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReference>
{
    public void Configure(EntityTypeBuilder<ConversationReference> builder)
    {
        builder.ToTable("conversation_references");
        builder.HasIndex(c => c.ConversationId).IsUnique();
        builder.HasIndex(c => c.UserAadObjectId);
        builder.Property(c => c.ConversationId).HasMaxLength(512);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
        builder.Property(c => c.ChannelId).HasMaxLength(64);
        builder.Property(c => c.ConversationType).HasMaxLength(32);
        builder.Property(c => c.TenantId).HasMaxLength(128);
        builder.Property(c => c.BotId).HasMaxLength(256);
        builder.Property(c => c.BotName).HasMaxLength(256);
        builder.Property(c => c.UserId).HasMaxLength(256);
        builder.Property(c => c.UserAadObjectId).HasMaxLength(128);
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.Property(c => c.Locale).HasMaxLength(32);
        builder.Property(c => c.LastFailureCode).HasMaxLength(128);
    }
}
