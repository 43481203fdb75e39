using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class DialogStateConfiguration : IEntityTypeConfiguration<DialogStateRow>
{
    public void Configure(EntityTypeBuilder<DialogStateRow> builder)
    {
        builder.ToTable("dialog_states");
        builder.HasKey(d => new { d.ConversationId, d.UserKey });
        builder.Property(d => d.ConversationId).HasMaxLength(512);
        builder.Property(d => d.UserKey).HasMaxLength(256);
        builder.Property(d => d.DialogId).HasMaxLength(128);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
