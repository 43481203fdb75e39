using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class BoardTaskConfiguration : IEntityTypeConfiguration<BoardTask>
{
    public void Configure(EntityTypeBuilder<BoardTask> builder)
    {
        builder.ToTable("board_tasks");
        builder.Property(x => x.Kind).HasMaxLength(32);
        builder.Property(x => x.Argument).HasMaxLength(16);
        builder.Property(x => x.RequestedBy).HasMaxLength(128);
        builder.Property(x => x.Language).HasMaxLength(8);
        builder.Property(x => x.UserId).HasMaxLength(ActivityColumns.AccountId);
        builder.Property(x => x.ServiceUrl).HasMaxLength(ActivityColumns.ServiceUrl);
        builder.Property(x => x.ConversationId).HasMaxLength(ActivityColumns.ConversationId);
        builder.Property(x => x.CardActivityId).HasMaxLength(ActivityColumns.ActivityId);
        builder.Property(x => x.ResultKey).HasMaxLength(64);
        builder.Property(x => x.ClaimedBy).HasMaxLength(128);
        builder.HasIndex(x => new { x.Status, x.Id });
    }
}
