using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalBot.Persistence.Configurations;

public sealed class PartyOrganisationConfiguration : IEntityTypeConfiguration<PartyOrganisation>
{
    public void Configure(EntityTypeBuilder<PartyOrganisation> builder)
    {
        builder.ToTable("party_organisations");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.Name).HasMaxLength(256);
        builder.Property(x => x.Kind).HasMaxLength(16);
    }
}

public sealed class PartyMembershipConfiguration : IEntityTypeConfiguration<PartyMembership>
{
    public void Configure(EntityTypeBuilder<PartyMembership> builder)
    {
        builder.ToTable("party_memberships");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => x.PersonId).IsUnique();
        builder.HasIndex(x => x.CellId);
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.Status).HasMaxLength(16);
    }
}

public sealed class PartyCollectiveConfiguration : IEntityTypeConfiguration<PartyCollective>
{
    public void Configure(EntityTypeBuilder<PartyCollective> builder)
    {
        builder.ToTable("party_collectives");
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.Property(x => x.ExternalId).HasMaxLength(128);
        builder.Property(x => x.Name).HasMaxLength(256);
        builder.Property(x => x.Kind).HasMaxLength(16);
    }
}

public sealed class PartyCollectiveMemberConfiguration : IEntityTypeConfiguration<PartyCollectiveMember>
{
    public void Configure(EntityTypeBuilder<PartyCollectiveMember> builder)
    {
        builder.ToTable("party_collective_members");
        builder.HasIndex(x => new { x.CollectiveId, x.PersonId }).IsUnique();
        builder.HasIndex(x => x.PersonId);
    }
}

public sealed class PartyRatingConfiguration : IEntityTypeConfiguration<PartyRating>
{
    public void Configure(EntityTypeBuilder<PartyRating> builder)
    {
        builder.ToTable("party_ratings");
        builder.HasIndex(x => new { x.Year, x.PersonId, x.Version }).IsUnique();
        builder.HasIndex(x => new { x.Year, x.CollectiveId, x.Version }).IsUnique();
        builder.HasIndex(x => new { x.Year, x.PartyOrganisationId });
        builder.Property(x => x.GroupKey).HasMaxLength(128);
        builder.Property(x => x.Strengths).HasMaxLength(4000);
        builder.Property(x => x.Shortcomings).HasMaxLength(4000);
        builder.Property(x => x.Direction).HasMaxLength(4000);
        builder.Property(x => x.SelfRatedBy).HasMaxLength(128);
        builder.Property(x => x.VerificationNote).HasMaxLength(4000);
        builder.Property(x => x.VerifiedBy).HasMaxLength(128);
        builder.Property(x => x.DecisionNote).HasMaxLength(4000);
        builder.Property(x => x.DecidedBy).HasMaxLength(128);
        builder.Property(x => x.ResidenceComment).HasMaxLength(4000);
        builder.Property(x => x.ResidenceException).HasMaxLength(4000);
        builder.Property(x => x.TemporaryCellComment).HasMaxLength(4000);
        builder.Property(x => x.SelfWrongdoing).HasMaxLength(4000);
        builder.Property(x => x.VerifiedWrongdoing).HasMaxLength(4000);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
    }
}

public sealed class PartyComplaintConfiguration : IEntityTypeConfiguration<PartyComplaint>
{
    public void Configure(EntityTypeBuilder<PartyComplaint> builder)
    {
        builder.ToTable("party_complaints");
        builder.HasIndex(x => x.RatingId);
        builder.Property(x => x.Text).HasMaxLength(4000);
        builder.Property(x => x.RecordedBy).HasMaxLength(128);
        builder.Property(x => x.RecheckedBy).HasMaxLength(128);
        builder.Property(x => x.RecheckNote).HasMaxLength(4000);
    }
}

public sealed class PartyQuotaDecisionConfiguration : IEntityTypeConfiguration<PartyQuotaDecision>
{
    public void Configure(EntityTypeBuilder<PartyQuotaDecision> builder)
    {
        builder.ToTable("party_quota_decisions");
        builder.HasIndex(x => new { x.PartyOrganisationId, x.Year }).IsUnique();
        builder.Property(x => x.DecisionNumber).HasMaxLength(128);
        builder.Property(x => x.ApprovedBy).HasMaxLength(256);
        builder.Property(x => x.RecordedBy).HasMaxLength(128);
    }
}
