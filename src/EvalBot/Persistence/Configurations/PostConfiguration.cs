using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("posts");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.Name).HasMaxLength(256);
    }
}
