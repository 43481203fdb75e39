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
        builder.Property(c => c.ConversationId).HasMaxLength(ActivityColumns.ConversationId);
        builder.Property(c => c.ServiceUrl).HasMaxLength(ActivityColumns.ServiceUrl);
        builder.Property(c => c.ChannelId).HasMaxLength(ActivityColumns.ChannelId);
        builder.Property(c => c.ConversationType).HasMaxLength(ActivityColumns.ConversationType);
        builder.Property(c => c.TenantId).HasMaxLength(ActivityColumns.TenantId);
        builder.Property(c => c.BotId).HasMaxLength(ActivityColumns.AccountId);
        builder.Property(c => c.BotName).HasMaxLength(ActivityColumns.AccountName);
        builder.Property(c => c.UserId).HasMaxLength(ActivityColumns.AccountId);
        builder.Property(c => c.UserAadObjectId).HasMaxLength(ActivityColumns.AadObjectId);
        builder.Property(c => c.UserName).HasMaxLength(ActivityColumns.AccountName);
        builder.Property(c => c.Locale).HasMaxLength(ActivityColumns.Locale);
        builder.Property(c => c.LastFailureCode).HasMaxLength(128);
    }
}
