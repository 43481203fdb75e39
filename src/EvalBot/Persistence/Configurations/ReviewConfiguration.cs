using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class ReviewSelfAssessmentConfiguration : IEntityTypeConfiguration<ReviewSelfAssessment>
{
    public void Configure(EntityTypeBuilder<ReviewSelfAssessment> builder)
    {
        builder.ToTable("review_self_assessments");
        builder.HasIndex(x => new { x.PersonId, x.Year }).IsUnique();
        builder.Property(x => x.Strengths).HasMaxLength(4000);
        builder.Property(x => x.Shortcomings).HasMaxLength(4000);
        builder.Property(x => x.SelfCriticism).HasMaxLength(4000);
    }
}

public sealed class ReviewMeetingConfiguration : IEntityTypeConfiguration<ReviewMeeting>
{
    public void Configure(EntityTypeBuilder<ReviewMeeting> builder)
    {
        builder.ToTable("review_meetings");
        builder.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        builder.HasMany(x => x.Entries).WithOne().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReviewMeetingEntryConfiguration : IEntityTypeConfiguration<ReviewMeetingEntry>
{
    public void Configure(EntityTypeBuilder<ReviewMeetingEntry> builder)
    {
        builder.ToTable("review_meeting_entries");
        builder.HasIndex(x => new { x.MeetingId, x.SubjectPersonId });
        builder.Property(x => x.Text).HasMaxLength(4000);
    }
}

public sealed class ReviewOpinionConfiguration : IEntityTypeConfiguration<ReviewOpinion>
{
    public void Configure(EntityTypeBuilder<ReviewOpinion> builder)
    {
        builder.ToTable("review_opinions");
        builder.HasIndex(x => new { x.PersonId, x.Year, x.Kind }).IsUnique();
        builder.Property(x => x.Text).HasMaxLength(4000);
    }
}
