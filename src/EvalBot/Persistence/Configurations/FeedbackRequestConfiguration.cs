using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class FeedbackRequestConfiguration : IEntityTypeConfiguration<FeedbackRequest>
{
    public void Configure(EntityTypeBuilder<FeedbackRequest> builder)
    {
        builder.ToTable("feedback_requests");

        // One request per reviewer, subject and period: the selection re-run and a double click cannot double it.
        builder.HasIndex(x => new { x.Period, x.SubjectPersonId, x.ReviewerPersonId }).IsUnique();
        builder.HasIndex(x => new { x.Period, x.ReviewerPersonId });
        builder.Property(x => x.Period).HasMaxLength(16);
        builder.Property(x => x.Relation).HasMaxLength(16);
        builder.Property(x => x.RatingsJson).HasMaxLength(2000);
        builder.Property(x => x.Strengths).HasMaxLength(4000);
        builder.Property(x => x.Improvements).HasMaxLength(4000);
        builder.HasOne<Person>().WithMany().HasForeignKey(x => x.SubjectPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(x => x.ReviewerPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
